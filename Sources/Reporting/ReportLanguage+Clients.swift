/// The fixed strings of the report sections on clients (timeouts, retries), limiters and events, in one language.
struct ClientReportText: Sendable {
    var rateKind: String
    var limiter: String
    var section: String
    var sectionNote: String
    var clientsTitle: String
    var requests: String
    var attempts: String
    var amplification: String
    var succeeded: String
    var failed: String
    var orphaned: String
    var goodput: String
    var limitersTitle: String
    var rate: String
    var demand: String
    var passed: String
    var rejected: String
    var waitP95: String
    var eventsSection: String
    var eventsNote: String
    var firstAttempts: String
    var eventWindow: String
    var perSecond: String
    var minutes: String
    var poolUtilisation: String
    var recoveredAfter: String
    var notRecovered: String
    var recovery: String
    var perReplicationCount: String

    static let en = ClientReportText(
        rateKind: "Rate",
        limiter: "Limiter",
        section: "Retries and rate limits in %@",
        sectionNote: "Workloads whose clients time out and retry, and limiters (token buckets), in the last year of the plan. Counts are means per replication over the measured time. Amplification = attempts per request; orphaned = attempts that completed after their client had given up (work done for nobody); goodput = successes per second.",
        clientsTitle: "Clients",
        requests: "Requests",
        attempts: "Attempts",
        amplification: "Amplification",
        succeeded: "Succeeded",
        failed: "Failed",
        orphaned: "Orphaned",
        goodput: "Goodput",
        limitersTitle: "Limiters",
        rate: "Rate",
        demand: "Demand",
        passed: "Passed",
        rejected: "Rejected",
        waitP95: "Wait p95",
        eventsSection: "Behaviour during events in %@",
        eventsNote: "The last year of the plan simulated on its planned capacity with the scenario's events (shaded), as the mean over replications per interval of measured time. A retry storm shows as attempts far above first attempts while goodput collapses; recovery time = seconds after an event ends until goodput over 10 s is back to 90% of first attempts.",
        firstAttempts: "first attempts/s",
        eventWindow: "event",
        perSecond: "per second",
        minutes: "time since start of the run (min)",
        poolUtilisation: "Pool utilisation",
        recoveredAfter: "recovered %@ after the event ended",
        notRecovered: "did not recover within the run",
        recovery: "Recovery",
        perReplicationCount: "%@ of %@ replications recovered"
    )

    static let vi = ClientReportText(
        rateKind: "Tốc độ",
        limiter: "Bộ giới hạn tốc độ",
        section: "Thử lại và giới hạn tốc độ năm %@",
        sectionNote: "Các dịch vụ có máy khách hết thời gian chờ và gửi lại, và các bộ giới hạn tốc độ (token bucket), trong năm cuối của kế hoạch. Số lượng là trung bình mỗi lượt lặp trong thời gian đo. Hệ số khuếch đại = số lần gửi trên mỗi yêu cầu; mồ côi = lần gửi hoàn tất sau khi máy khách đã bỏ cuộc (xử lý vô ích); thông lượng hữu ích = số yêu cầu thành công mỗi giây.",
        clientsTitle: "Máy khách",
        requests: "Yêu cầu",
        attempts: "Lần gửi",
        amplification: "Hệ số khuếch đại",
        succeeded: "Thành công",
        failed: "Thất bại",
        orphaned: "Mồ côi",
        goodput: "Thông lượng hữu ích",
        limitersTitle: "Bộ giới hạn tốc độ",
        rate: "Tốc độ",
        demand: "Nhu cầu",
        passed: "Cho qua",
        rejected: "Từ chối",
        waitP95: "Chờ p95",
        eventsSection: "Diễn biến khi có sự kiện năm %@",
        eventsNote: "Năm cuối của kế hoạch được mô phỏng với năng lực đã lập kế hoạch và các sự kiện của kịch bản (vùng tô đậm), lấy trung bình qua các lượt lặp cho từng khoảng của thời gian đo. Bão gửi lại thể hiện bằng số lần gửi vượt xa số yêu cầu mới trong khi thông lượng hữu ích sụp đổ; thời gian phục hồi = số giây sau khi sự kiện kết thúc đến khi thông lượng hữu ích trong 10 giây trở lại 90% số yêu cầu mới.",
        firstAttempts: "yêu cầu mới/giây",
        eventWindow: "sự kiện",
        perSecond: "mỗi giây",
        minutes: "thời gian từ đầu lượt chạy (phút)",
        poolUtilisation: "Mức sử dụng cụm máy chủ",
        recoveredAfter: "phục hồi sau %@ kể từ khi sự kiện kết thúc",
        notRecovered: "không phục hồi trong thời gian chạy",
        recovery: "Phục hồi",
        perReplicationCount: "%@ trên %@ lượt lặp phục hồi"
    )
}

extension ReportLanguage {
    /// The strings of the client, limiter and event sections.
    var clientText: ClientReportText { self == .vi ? .vi : .en }
}
