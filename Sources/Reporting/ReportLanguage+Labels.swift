import Foundation
import InfraModel
import Scenario

/// Human names of targets, subjects and durations in each language, so that tables and reasons do not show raw
/// scenario keys (`max_lost`, `pool:eauth`).
extension ReportLanguage {
    /// The metric of a target in words: "p95 response time", "lost requests", "utilisation" (a link's latency
    /// metrics are its delay).
    public func metricLabel(_ metric: Target.Metric, subject: Target.Subject) -> String {
        let isLink = subject.resource?.kind == .link
        switch (self, metric) {
        case (.en, .mean): return isLink ? "mean delay" : "mean response time"
        case (.en, .p50), (.en, .p95), (.en, .p99): return "\(metric.rawValue) \(isLink ? "delay" : "response time")"
        case (.en, .maxLost): return "lost requests"
        case (.en, .maxUtilization): return "utilisation"
        case (.vi, .mean): return isLink ? "độ trễ trung bình" : "thời gian phản hồi trung bình"
        case (.vi, .p50), (.vi, .p95), (.vi, .p99): return "\(isLink ? "độ trễ" : "thời gian phản hồi") \(metric.rawValue)"
        case (.vi, .maxLost): return "tỷ lệ yêu cầu bị mất"
        case (.vi, .maxUtilization): return "mức sử dụng"
        }
    }

    /// The subject of a target in words: "workload vneid-login", "pool eauth", "link hn-hcm" (Vietnamese: "dịch vụ",
    /// "cụm máy chủ", "đường truyền").
    public func subjectLabel(_ subject: Target.Subject) -> String {
        switch subject {
        case .workload(let id): return "\(self == .vi ? "dịch vụ" : "workload") \(id)"
        case .resource(let r): return resourceLabel(r)
        }
    }

    /// A resource in words: "pool eauth", "link hn-hcm", "storage npd-store".
    public func resourceLabel(_ r: ResourceID) -> String {
        let kind: String
        switch (self, r.kind) {
        case (.en, .pool): kind = "pool"
        case (.en, .link): kind = "link"
        case (.en, .limiter): kind = "limiter"
        case (.en, .storage): kind = "storage"
        case (.vi, .pool): kind = "cụm máy chủ"
        case (.vi, .link): kind = "đường truyền"
        case (.vi, .limiter): kind = "bộ giới hạn tốc độ"
        case (.vi, .storage): kind = "hệ thống lưu trữ"
        }
        return "\(kind) \(r.id)"
    }

    /// "the p95 response time of workload vneid-login" / "thời gian phản hồi p95 của dịch vụ vneid-login".
    public func targetPhrase(_ t: Target) -> String {
        let metric = metricLabel(t.metric, subject: t.subject)
        let subject = subjectLabel(t.subject)
        return self == .en ? "the \(metric) of \(subject)" : "\(metric) của \(subject)"
    }

    /// A target value in its unit: fractions as percentages with one decimal, times as durations.
    public func targetValue(_ x: Double, _ metric: Target.Metric) -> String {
        let fraction = metric == .maxLost || metric == .maxUtilization
        guard x.isFinite else { return "∞" }
        return fraction ? decimal("\((x * 1000).rounded() / 10)%") : duration(x)
    }

    /// A duration in this language's units, trailing zeros dropped: English "850 µs", "12.3 ms", "1.42 s", "10 min",
    /// "1 h", "2.1 h"; Vietnamese "12,3 ms", "1,42 giây", "10 phút", "1 giờ" (decimal comma).
    func localizedDuration(_ s: Double) -> String {
        guard s.isFinite else { return "∞" }
        let (second, minute, hour, day) = self == .en ? ("s", "min", "h", "d") : ("giây", "phút", "giờ", "ngày")
        if s == 0 { return "0 \(second)" }
        func trim(_ x: Double) -> String { decimal(NumberFormat.trimmedSignificant(x)) }
        if s < 1e-3 { return NumberFormat.fixed(s * 1e6, 0) + " µs" }
        if s < 1 { return trim(s * 1e3) + " ms" }
        let hours = s / 3600, minutes = s / 60
        if s < 60 { return trim(s) + " " + second }
        if s >= 3600, hours == hours.rounded(), s < 3 * 86_400 { return trim(hours) + " " + hour }
        if minutes == minutes.rounded(), s < 7200 { return trim(minutes) + " " + minute }
        if s < 120 { return trim(s) + " " + second }
        if s < 7200 { return trim(s / 60) + " " + minute }
        if s < 3 * 86_400 { return trim(hours) + " " + hour }
        return trim(s / 86_400) + " " + day
    }
}
