import Foundation
import InfraModel
import Planning

extension ReportLanguage {
    /// Why a plan gives a resource its capacity, in this language. For an n+k pool the reason names the case with k
    /// servers out of service, which is what drives the purchase.
    public func reason(_ r: PurchaseReason) -> String {
        var text: String
        switch r.cause {
        case .missedTarget(let t):
            text = missedTarget(t, r)
        case .installed:
            text = self == .en ? "already installed" : "đã lắp đặt từ trước"
        case .coversFutures(let q):
            let share = String(format: "%.0f%%", q * 100)
            text = self == .en ? "covers what \(share) of the sampled futures need"
                               : "đáp ứng nhu cầu của \(decimal(share)) số kịch bản tương lai được lấy mẫu"
        case .stability(let offered):
            text = closedForm(limit: nil, offered: offered, r)
        case .utilizationLimit(let limit, let offered):
            text = closedForm(limit: limit, offered: offered, r)
        case .storageNeed(let bytes):
            let need = Self.terabytes(bytes)
            switch self {
            case .en: text = "storage need: data × copies / (1 − headroom) = \(need)"
            case .vi: text = "nhu cầu lưu trữ: dữ liệu × số bản sao / (1 − tỷ lệ dự phòng) = \(decimal(need))"
            }
        }
        if let c = r.reserveCase { text += reserveCase(c) }
        return text
    }

    /// "with one server fewer, the p95 response time of workload x would be 1.2 s (limit 1 s)"; with a reserve,
    /// the k servers down come first. When the estimate is within the limit but its 95% bound is not, both show.
    private func missedTarget(_ t: TargetResult, _ r: PurchaseReason) -> String {
        let metric = t.target.metric
        let limit = targetValue(t.target.limit, metric)
        let value = targetValue(t.value, metric)
        let estimate: String
        if t.value <= t.target.limit && t.bound > t.target.limit {
            let bound = targetValue(t.bound, metric)
            estimate = self == .en ? "\(value) (95% bound \(bound), above the limit \(limit))"
                                   : "\(value) (cận trên khoảng tin cậy 95% là \(bound), vượt giới hạn \(limit))"
        } else {
            estimate = self == .en ? "\(value) (limit \(limit))" : "\(value) (giới hạn \(limit))"
        }
        let phrase = targetPhrase(t.target)
        let k = r.reserve
        switch self {
        case .en:
            let less: String
            switch r.kind {
            case .pool: less = "one server fewer"
            case .link: less = "one bandwidth step less"
            case .limiter: less = "one rate step less"
            case .storage: less = "one storage step less"
            }
            if k > 0, r.kind == .pool {
                return "with \(k) server\(k == 1 ? "" : "s") down (n+\(k)) and \(less), \(phrase) would be \(estimate)"
            }
            return "with \(less), \(phrase) would be \(estimate)"
        case .vi:
            let less: String
            switch r.kind {
            case .pool: less = "bớt 1 máy chủ"
            case .link: less = "thuê bớt một gói băng thông"
            case .limiter: less = "bớt một bậc tốc độ cho phép"
            case .storage: less = "bớt một gói dung lượng lưu trữ"
            }
            if k > 0, r.kind == .pool {
                return "khi \(k) máy chủ ngừng hoạt động (dự phòng n+\(k)) và \(less), \(phrase) sẽ là \(estimate)"
            }
            return "nếu \(less), \(phrase) sẽ là \(estimate)"
        }
    }

    /// "; with 1 of 9 servers down, utilisation is 65.0%".
    private func reserveCase(_ c: PurchaseReason.ReserveCase) -> String {
        let u = targetValue(c.utilization, .maxUtilization)
        switch self {
        case .en: return "; with \(c.down) of \(c.servers) servers down, utilisation is \(u)"
        case .vi: return "; với \(c.servers) máy chủ, khi \(c.down) máy ngừng hoạt động, mức sử dụng là \(u)"
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
        case (.vi, .pool, nil): text = "điều kiện ổn định hàng đợi: tải yêu cầu tương đương \(decimal(load)) máy chủ"
        case (.vi, .pool, let t?): text = "mục tiêu mức sử dụng \(decimal(t)) với tải yêu cầu tương đương \(decimal(load)) máy chủ"
        case (.vi, .link, nil), (.vi, .limiter, nil): text = "điều kiện ổn định hàng đợi: lưu lượng yêu cầu \(decimal(load))"
        case (.vi, .link, let t?), (.vi, .limiter, let t?): text = "mục tiêu mức sử dụng \(decimal(t)) với lưu lượng yêu cầu \(decimal(load))"
        case (.en, .storage, _): text = "closed form: \(load) needed"
        case (.vi, .storage, _): text = "tính theo công thức: cần \(decimal(load))"
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
