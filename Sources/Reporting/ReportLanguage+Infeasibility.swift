import Foundation
import InfraModel
import Planning

/// Why a year cannot meet its targets, in words: which target, and why no capacity within the bounds meets it.
extension ReportLanguage {
    /// One sentence per cause, without the year.
    public func diagnosis(_ d: Infeasibility) -> String {
        switch d.cause {
        case .unreachable(let t):
            return unreachable(t)
        case .boundReached(let t, let limited):
            let stops = limited.map(limitedText).joined(separator: self == .en ? "; " : "; ")
            let phrase = targetPhrase(t.target)
            let measured = estimate(t)
            switch self {
            case .en: return "\(phrase) is \(measured) even with ample capacity wherever the bounds allow, because \(stops): raise the bound, or relax the target"
            case .vi: return "\(phrase) là \(measured) ngay cả khi mọi tài nguyên được tăng đến mức cho phép, vì \(stops): cần nâng giới hạn hoặc nới mục tiêu"
            }
        case .needExceedsBound(let resource, let needed, let bound, let why):
            let name = resourceLabel(resource)
            let key = boundKey(resource.kind)
            switch self {
            case .en: return "\(name) needs at least \(amount(needed, resource.kind)) (\(reason(why))) but its bound is \(amount(bound, resource.kind)) (\(key))"
            case .vi: return "\(name) cần ít nhất \(amount(needed, resource.kind)) (\(reason(why))) nhưng giới hạn chỉ là \(amount(bound, resource.kind)) (\(key))"
            }
        case .storageShortfall(let f):
            let name = resourceLabel(f.resource)
            switch self {
            case .en: return "\(name) needs \(bytes(f.need)) but its bound is \(bytes(f.maximum)) (max_capacity)"
            case .vi: return "\(name) cần \(bytes(f.need)) nhưng giới hạn chỉ là \(bytes(f.maximum)) (max_capacity)"
            }
        }
    }

    /// The headline of an infeasible plan or size: "no feasible plan" / "không có phương án khả thi".
    public var noFeasiblePlan: String { self == .en ? "No feasible plan" : "Không có phương án khả thi" }

    /// A target missed even with ample capacity everywhere.
    private func unreachable(_ t: TargetResult) -> String {
        let phrase = targetPhrase(t.target)
        let measured = estimate(t)
        let latency = t.target.metric != .maxLost && t.target.metric != .maxUtilization
        switch self {
        case .en:
            let ample = "even with ample capacity (every pool at 20 × its busiest offered load, every link at its largest bandwidth)"
            if latency {
                return "\(phrase) is \(measured) \(ample): service times, transmission and latencies alone exceed the limit, so no capacity within the bounds can meet it; relax the target or shorten the service times"
            }
            return "\(phrase) is \(measured) \(ample), so no capacity within the bounds can meet it; check the queue capacity, patience and timeouts, or relax the target"
        case .vi:
            let ample = "ngay cả khi năng lực dư dả (mỗi cụm máy chủ gấp 20 lần tải giờ cao điểm, mỗi đường truyền ở băng thông tối đa)"
            if latency {
                return "\(phrase) là \(measured) \(ample): riêng thời gian xử lý, thời gian truyền và độ trễ đường truyền đã vượt giới hạn, nên không mức năng lực nào trong giới hạn cho phép đáp ứng được; cần nới mục tiêu hoặc rút ngắn thời gian xử lý"
            }
            return "\(phrase) là \(measured) \(ample), nên không mức năng lực nào trong giới hạn cho phép đáp ứng được; cần xem lại sức chứa hàng đợi, thời gian chờ tối đa hoặc nới mục tiêu"
        }
    }

    /// "1.62 s (95% bound 1.65 s; limit 1 s)".
    private func estimate(_ t: TargetResult) -> String {
        let m = t.target.metric
        let value = targetValue(t.value, m), bound = targetValue(t.bound, m), limit = targetValue(t.target.limit, m)
        switch self {
        case .en: return "\(value) (95% bound \(bound); limit \(limit))"
        case .vi: return "\(value) (cận trên khoảng tin cậy 95%: \(bound); giới hạn \(limit))"
        }
    }

    /// "pool eauth stops at its bound of 40 servers (max_servers) short of the 95 servers ample capacity wants".
    private func limitedText(_ l: Infeasibility.Limited) -> String {
        let name = resourceLabel(l.resource)
        let bound = amount(l.bound, l.resource.kind), wanted = amount(l.wanted, l.resource.kind)
        switch (self, l.fixed) {
        case (.en, false): return "\(name) stops at its bound of \(bound) (\(boundKey(l.resource.kind))), short of the \(wanted) that ample capacity wants"
        case (.en, true): return "\(name) cannot grow (it has no unit: to buy more) and stays at \(bound), short of the \(wanted) that ample capacity wants"
        case (.vi, false): return "\(name) dừng ở giới hạn \(bound) (\(boundKey(l.resource.kind))), thấp hơn mức dư dả \(wanted)"
        case (.vi, true): return "\(name) không thể mở rộng (không khai báo unit: để mua thêm) và giữ ở \(bound), thấp hơn mức dư dả \(wanted)"
        }
    }

    /// The scenario key that bounds a kind: `max_servers`, `max_bandwidth`, `max_rate`, `max_capacity`.
    private func boundKey(_ kind: ResourceID.Kind) -> String {
        switch kind {
        case .pool: return "max_servers"
        case .link: return "max_bandwidth"
        case .limiter: return "max_rate"
        case .storage: return "max_capacity"
        }
    }

    /// A capacity with its unit: "40 servers", "10 Gbit/s", "400 TB".
    func amount(_ value: Double, _ kind: ResourceID.Kind) -> String {
        switch kind {
        case .pool:
            let n = Int(value.rounded(.up))
            return self == .en ? "\(n) server\(n == 1 ? "" : "s")" : "\(n) máy chủ"
        case .link: return bandwidth(value)
        case .limiter: return rate(value)
        case .storage: return bytes(value)
        }
    }
}
