import Foundation
import InfraModel
import Planning

extension ReportLanguage {
    /// Why a plan gives a resource its capacity, in this language.
    public func reason(_ r: PurchaseReason) -> String {
        switch r.cause {
        case .missedTarget(let t):
            let fraction = t.target.metric == .maxLost || t.target.metric == .maxUtilization
            let value = fraction ? Self.tenthPercent(t.value) : Self.seconds(t.value)
            let limit = fraction ? Self.tenthPercent(t.target.limit) : Self.seconds(t.target.limit)
            let subject = "\(t.target.subject.label) \(t.target.metric.rawValue)"
            switch self {
            case .en: return "\(subject) would be \(value) (limit \(limit)) with one step less"
            case .vi: return "nếu bớt một bước, \(subject) sẽ là \(decimal(value)) (giới hạn \(decimal(limit)))"
            }
        case .installed:
            return self == .en ? "already installed" : "đã lắp đặt từ trước"
        case .coversFutures(let q):
            let share = String(format: "%.0f%%", q * 100)
            return self == .en ? "covers what \(share) of the sampled futures need" : "đáp ứng nhu cầu của \(decimal(share)) số kịch bản tương lai được lấy mẫu"
        case .stability(let offered):
            return closedForm(limit: nil, offered: offered, r)
        case .utilizationLimit(let limit, let offered):
            return closedForm(limit: limit, offered: offered, r)
        case .storageNeed(let bytes):
            let need = Self.terabytes(bytes)
            switch self {
            case .en: return "storage need: data × copies / (1 − headroom) = \(need)"
            case .vi: return "nhu cầu lưu trữ: dữ liệu × số bản sao / (1 − tỷ lệ dự phòng) = \(decimal(need))"
            }
        }
    }

    /// A closed-form reason: the offered load, the utilisation limit if any, and the reserve.
    private func closedForm(limit: Double?, offered: Double, _ r: PurchaseReason) -> String {
        let load: String
        switch r.kind {
        case .pool: load = String(format: "%.2f", offered)
        case .link: load = String(format: "%.1f Mbit/s", offered / 1e6)
        case .limiter: load = String(format: "%.1f/s", offered)
        case .storage: load = Self.terabytes(offered)
        }
        let target = limit.map { String(format: "%.0f%%", $0 * 100) }
        var text: String
        switch (self, r.kind, target) {
        case (.en, .pool, nil): text = "stability: offered load is \(load) servers"
        case (.en, .pool, let t?): text = "utilisation target \(t) with \(load) servers of offered load"
        case (.en, .link, nil), (.en, .limiter, nil): text = "stability: \(load) offered"
        case (.en, .link, let t?), (.en, .limiter, let t?): text = "utilisation target \(t) with \(load) offered"
        case (.vi, .pool, nil): text = "ổn định hàng đợi: tải yêu cầu là \(decimal(load)) máy chủ"
        case (.vi, .pool, let t?): text = "mục tiêu mức sử dụng \(decimal(t)) với tải yêu cầu \(decimal(load)) máy chủ"
        case (.vi, .link, nil), (.vi, .limiter, nil): text = "ổn định hàng đợi: lưu lượng yêu cầu \(decimal(load))"
        case (.vi, .link, let t?), (.vi, .limiter, let t?): text = "mục tiêu mức sử dụng \(decimal(t)) với lưu lượng yêu cầu \(decimal(load))"
        case (.en, .storage, _): text = "closed form: \(load) needed"
        case (.vi, .storage, _): text = "công thức giải tích: cần \(decimal(load))"
        }
        if r.reserve > 0 {
            text += self == .en ? ", plus \(r.reserve) in reserve (n+\(r.reserve))"
                                : ", cộng \(r.reserve) máy chủ dự phòng (n+\(r.reserve))"
        }
        return text
    }

    /// Bytes as decimal terabytes with one decimal ("412.5 TB"), so that storage reasons compare at a glance.
    static func terabytes(_ bytes: Double) -> String { String(format: "%.1f TB", bytes / 1e12) }

    /// A fraction as a percentage with one decimal ("80.6%").
    static func tenthPercent(_ x: Double) -> String { "\((x * 1000).rounded() / 10)%" }

    /// Seconds: whole milliseconds below 1 s ("250 ms"), else two decimals ("1.25 s").
    static func seconds(_ x: Double) -> String {
        x < 1 ? "\(Int((x * 1000).rounded())) ms" : "\((x * 100).rounded() / 100) s"
    }
}
