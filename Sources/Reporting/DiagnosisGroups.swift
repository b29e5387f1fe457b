import InfraModel
import Planning

/// The diagnoses of an infeasible plan, with the same cause in consecutive years told once ("2026–2030: ..."), with
/// the figures of the first of those years.
struct DiagnosisGroup {
    var years: [Int]
    var diagnosis: Infeasibility

    /// "2030", or "2026–2030".
    var yearLabel: String {
        guard let first = years.first, let last = years.last, first != last else { return years.first.map(String.init) ?? "" }
        return "\(first)–\(last)"
    }

    static func groups(_ capacity: [YearCapacity]) -> [DiagnosisGroup] {
        var out: [DiagnosisGroup] = []
        for y in capacity where !y.feasible {
            for d in y.diagnosis {
                if let i = out.lastIndex(where: { signature($0.diagnosis) == signature(d) && $0.years.last == y.year - 1 }) {
                    out[i].years.append(y.year)
                } else {
                    out.append(DiagnosisGroup(years: [y.year], diagnosis: d))
                }
            }
        }
        return out.sorted { ($0.years.first ?? 0) < ($1.years.first ?? 0) }
    }

    /// What makes two causes the same: the kind, the target and the resources named.
    static func signature(_ d: Infeasibility) -> String {
        switch d.cause {
        case .unreachable(let t): return "u \(t.target.subject.label) \(t.target.metric.rawValue)"
        case .boundReached(let t, let l): return "b \(t.target.subject.label) \(t.target.metric.rawValue) \(l.map(\.resource.description))"
        case .needExceedsBound(let r, _, _, _): return "n \(r)"
        case .storageShortfall(let f): return "s \(f.resource)"
        }
    }

    /// "2026–2030: TEXT (figures for 2026)" in `language`.
    func text(_ language: ReportLanguage) -> String {
        var t = "\(yearLabel): \(language.diagnosis(diagnosis))"
        if years.count > 1, let first = years.first {
            t += language == .en ? " (figures for \(first))" : " (số liệu của năm \(first))"
        }
        return t
    }
}
