import InfraModel
import Planning

/// The parts of the size and plan documents that say why a result is infeasible and which window it holds for.
extension PlanDocument {
    /// One cause as JSON: `year` (plan only), `cause` (`unreachable`, `bound_reached`, `need_exceeds_bound`,
    /// `storage_shortfall`), the English `text`, and its figures: the `target` as simulated with ample capacity, the
    /// resources `limited` by their bound (capacity units: servers, bit/s), or the `resource` with `needed` and
    /// `maximum`.
    static func diagnosis(_ d: Infeasibility, year: Int?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let year { members.append(("year", .integer(Int64(year)))) }
        members.append(("cause", .string(d.code)))
        switch d.cause {
        case .unreachable(let t):
            members.append(("target", target(t)))
        case .boundReached(let t, let limited):
            members.append(("target", target(t)))
            members.append(("limited", .array(limited.map { l in
                .object([("resource", .string(l.resource.description)), ("bound", .number(l.bound)),
                         ("wanted", .number(l.wanted)), ("fixed", .bool(l.fixed))])
            })))
        case .needExceedsBound(let resource, let needed, let bound, _):
            members += [("resource", .string(resource.description)), ("needed", .number(needed)), ("maximum", .number(bound))]
        case .storageShortfall(let f):
            members += [("resource", .string(f.resource.description)), ("needed", .number(f.need)), ("maximum", .number(f.maximum))]
        }
        members.append(("text", .string(ReportLanguage.en.diagnosis(d))))
        return .object(members)
    }

    static func target(_ t: TargetResult) -> JSONValue {
        if case .array(let list) = ResultsDocument.targets([t]), let first = list.first { return first }
        return .null
    }

    /// `start` (seconds after Monday 00:00 of the design week) and `window_changed_by` (the options that changed the
    /// file's window, as typed).
    static func window(_ w: SimulationWindow?) -> [(String, JSONValue)] {
        guard let w else { return [] }
        return [("start", .number(w.start)), ("window_changed_by", .array(w.changedBy.map { .string($0) }))]
    }
}
