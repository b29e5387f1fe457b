import Foundation

/// The language of a report bundle (`capsim report --lang`). Every fixed string of the HTML and Markdown
/// reports exists in each language; CSV tables are machine-readable and identical in every language.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case en, vi

    /// The BCP 47 code for `<html lang>`.
    public var code: String { rawValue }

    /// The fixed strings of the reports.
    var text: ReportText { self == .vi ? .vi : .en }

    // MARK: - Numbers

    /// Money rounded to whole units: "1,250,000,000 VND" (en) or "1.250.000.000 ₫" (vi; other currencies keep
    /// their code: "1.250.000 USD").
    public func money(_ x: Double, currency: String) -> String {
        guard x.isFinite else { return "–" }
        switch self {
        case .en: return NumberFormat.grouped(Int64(x.rounded()), separator: ",") + " " + currency
        case .vi:
            let symbol = currency.uppercased() == "VND" ? "₫" : currency
            return NumberFormat.grouped(Int64(x.rounded()), separator: ".") + " " + symbol
        }
    }

    /// A whole amount with grouping but without the currency ("1,250,000" / "1.250.000").
    public func grouped(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return NumberFormat.grouped(Int64(x.rounded()), separator: self == .vi ? "." : ",")
    }

    /// Money in a short form for chart axes: "1.5 bn", "250 M" (en) or "1,5 tỷ", "250 tr" (vi).
    func shortMoney(_ x: Double) -> String {
        let a = abs(x)
        let units: [(Double, String)] = self == .vi
            ? [(1e12, " nghìn tỷ"), (1e9, " tỷ"), (1e6, " tr"), (1e3, " nghìn")]
            : [(1e12, " tn"), (1e9, " bn"), (1e6, " M"), (1e3, " k")]
        for (scale, name) in units where a >= scale { return short(x / scale) + name }
        return short(x)
    }

    /// A tick label: whole numbers plainly, others with 3 significant digits.
    func axisNumber(_ x: Double) -> String { short(x) }

    private func short(_ x: Double) -> String {
        let s = x == x.rounded() ? String(Int64(x)) : NumberFormat.significant(x)
        return decimal(trimZeros(s))
    }

    private func trimZeros(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// Replaces the decimal point by a comma in Vietnamese. Only for strings made by `NumberFormat`
    /// (no thousands separators in them).
    func decimal(_ s: String) -> String { self == .vi ? s.replacingOccurrences(of: ".", with: ",") : s }

    func percent(_ x: Double) -> String { decimal(NumberFormat.percent(x)) }
    func duration(_ s: Double) -> String { localizedDuration(s) }
    func bandwidth(_ bps: Double) -> String { decimal(NumberFormat.bandwidth(bps)) }
    func bytes(_ b: Double) -> String { decimal(NumberFormat.bytes(b)) }
    func significant(_ x: Double) -> String { decimal(NumberFormat.significant(x)) }
    func rate(_ x: Double) -> String { decimal(NumberFormat.rate(x)) }
    func estimate(_ mean: Double, _ ci: Double, _ f: (Double) -> String) -> String {
        ci > 0 && ci.isFinite ? "\(f(mean)) ± \(f(ci))" : f(mean)
    }

    /// A target limit or value in the metric's unit (fractions as percentages, times as durations).
    func metricValue(_ x: Double, fraction: Bool) -> String { fraction ? percent(x) : duration(x) }

}

/// Every fixed string of the HTML and Markdown reports in one language.
struct ReportText: Sendable {
    var title: String
    var scenario: String
    var description: String
    var horizon: String
    var baseYear: String
    var currency: String
    var sourceFile: String
    var contents: String

    var summary: String
    var totalCost: String
    var totalCostNote: String
    var purchases: String
    var agencies: String
    var simulations: String
    var replicationsWord: String
    var costByAgencyYear: String
    var costByAgencyYearNote: String
    var agency: String
    var total: String
    var allAgencies: String
    var nothingToBuy: String
    var noPurchases: String
    var feasibleNote: String
    var infeasibleTitle: String
    var infeasibleYear: String
    var unmet: String

    var procurement: String
    var procurementNote: String
    var agencyTotal: String
    var year: String
    var what: String
    var whereText: String
    var quantity: String
    var unitCost: String
    var cost: String
    var opexPerYear: String
    var reason: String
    var serversKind: String
    var bandwidthKind: String
    var serversUnit: String
    var stepsUnit: String
    var utilisationChange: String

    var capacity: String
    var capacityNote: String
    var resource: String
    var pool: String
    var link: String
    var workload: String

    var charts: String
    var chartDemand: String
    var chartDemandNote: String
    var installedServers: String
    var offeredLoad: String
    var serversAxis: String
    var chartUtilisation: String
    var chartUtilisationNote: String
    var utilisation: String
    var targetLimit: String
    var forward: String
    var reverse: String
    var chartLatency: String
    var chartLatencyNote: String
    var responseTime: String
    var logScale: String
    var chartCost: String
    var chartCostNote: String
    var costAxis: String
    var noData: String

    var targets: String
    var targetsNote: String
    var subject: String
    var metric: String
    var limit: String
    var value: String
    var bound: String
    var met: String
    var yes: String
    var no: String

    var assumptions: String
    var assumptionsNote: String
    var path: String
    var line: String
    var comment: String
    var kindColumn: String
    var assumptionMark: String
    var inputMark: String
    var noInputs: String
    /// "49 inputs, 2 marked as assumptions".
    var inputsCount: @Sendable (Int, Int) -> String

    var method: String
    /// Paragraphs of the method statement; arguments: seed, replications, duration, warm-up, simulations,
    /// replications simulated, base year.
    var methodParagraphs: @Sendable (String, Int, String, String, Int, Int, Int) -> [String]

    var files: String
    var filesNote: String
    var chartsInHTML: String

    // Storage and energy (contract §6)
    var storageKind: String
    var fillChange: String
    var storageNeed: String
    var storageNeedNote: String
    var data: String
    var dataTotal: String
    /// "Need: × 3 copies / (1 − 20%)"; arguments: copies, headroom.
    var needRow: @Sendable (String, String) -> String
    var installed: String
    /// A count item: count, size per item, growth per year.
    var countItem: @Sendable (String, String, String) -> String
    /// A per-request item: workloads, size per item, retention.
    var perRequestItem: @Sendable (String, String, String) -> String
    var chartStorage: String
    var chartStorageNote: String
    var installedCapacity: String
    var needLegend: String
    var energy: String
    var energyTotal: String
    var energyNote: String
    var energyPerYear: String
    var energyDetail: String
    var servers: String
    var powerPerServer: String
    var pue: String
    var electricityPrice: String
    var energyUse: String

    static let en = ReportText(
        title: "Capacity plan and investment proposal",
        scenario: "Scenario",
        description: "Description",
        horizon: "Planning horizon",
        baseYear: "base year",
        currency: "Currency",
        sourceFile: "Scenario file",
        contents: "Contents",
        summary: "Executive summary",
        totalCost: "Total cost over the horizon",
        totalCostNote: "purchases and leases plus yearly upkeep up to the last year, plus the energy of the installed servers",
        purchases: "Purchases",
        agencies: "Agencies",
        simulations: "Simulations run",
        replicationsWord: "replications",
        costByAgencyYear: "Cost per agency and year",
        costByAgencyYearNote: "What each agency pays in each year: that year's purchases and leases plus the upkeep and leases of earlier purchases, plus the energy of its installed servers.",
        agency: "Agency",
        total: "Total",
        allAgencies: "All agencies",
        nothingToBuy: "Nothing to buy: the installed capacity meets every target in every year of the horizon.",
        noPurchases: "No purchases over the horizon for",
        feasibleNote: "Every service-level target is met in every year with the capacity below.",
        infeasibleTitle: "The plan is NOT feasible",
        infeasibleYear: "no configuration within the bounds (max_servers, max_bandwidth, max_rate, max_capacity) meets every target",
        unmet: "unmet",
        procurement: "Procurement plan",
        procurementNote: "One row per purchase: servers and storage are bought outright (cost = quantity × unit cost; storage in steps of usable capacity) and need upkeep every later year; bandwidth is leased in steps (cost = the lease of the first year, the same lease every later year).",
        agencyTotal: "total over the horizon",
        year: "Year",
        what: "What",
        whereText: "Where",
        quantity: "Quantity",
        unitCost: "Unit cost",
        cost: "Cost",
        opexPerYear: "Opex / year",
        reason: "Why",
        serversKind: "Servers",
        bandwidthKind: "Bandwidth",
        serversUnit: "servers",
        stepsUnit: "steps",
        utilisationChange: "utilisation",
        capacity: "Installed capacity per year",
        capacityNote: "Capacity after each year's purchases; nothing bought is ever removed.",
        resource: "Resource",
        pool: "Pool",
        link: "Link",
        workload: "Workload",
        charts: "Charts",
        chartDemand: "Demand and capacity per pool",
        chartDemandNote: "Offered load in servers (the average number of servers the work keeps busy) against the servers installed after each year's purchases.",
        installedServers: "Installed servers",
        offeredLoad: "Offered load (servers)",
        serversAxis: "servers",
        chartUtilisation: "Utilisation in %@",
        chartUtilisationNote: "Mean utilisation of every pool, of each direction of every link and of every limiter (tokens taken / tokens its rate adds) in the last year of the plan, with its 95% confidence interval; red lines mark utilisation targets.",
        utilisation: "Utilisation",
        targetLimit: "Target limit",
        forward: "forward",
        reverse: "reverse",
        chartLatency: "Response time per workload in %@",
        chartLatencyNote: "End-to-end response time percentiles (p50, p95, p99) of every workload in the last year of the plan (logarithmic scale where they span a wide range); red lines mark the workload's targets.",
        responseTime: "Response time",
        logScale: "logarithmic scale",
        chartCost: "Cost per year by agency",
        chartCostNote: "Purchases and leases of each year plus upkeep of earlier purchases and the energy of installed servers, stacked by agency.",
        costAxis: "cost per year",
        noData: "No data.",
        targets: "Service-level targets in %@",
        targetsNote: "A target is met only when the upper end of its 95% confidence interval is within the limit.",
        subject: "Subject",
        metric: "Metric",
        limit: "Limit",
        value: "Value",
        bound: "95% bound",
        met: "Met",
        yes: "yes",
        no: "NO",
        assumptions: "Assumptions register",
        assumptionsNote: "Every value in the scenario file with its line and the comment that documents its source. Rows marked “assumption” (comment starting with “A:” or mentioning an assumption) are estimates rather than measurements and deserve review.",
        path: "Input",
        line: "Line",
        comment: "Source / comment",
        kindColumn: "Kind",
        assumptionMark: "assumption",
        inputMark: "input",
        noInputs: "The scenario records no inputs.",
        inputsCount: { n, a in "\(n) input\(n == 1 ? "" : "s"), \(a) marked as assumption\(a == 1 ? "" : "s")." },
        method: "Method",
        methodParagraphs: { seed, replications, duration, warmup, simulations, simulated, baseYear in [
            "Every figure in this report comes from a discrete-event simulation of the scenario with random seed \(seed). Each configuration is simulated in \(replications) independent replications; each replication simulates a warm-up of \(warmup), which is discarded, and then measures \(duration) of simulated time. The load of each year is the base-year (\(baseYear)) load multiplied by (1 + growth) for every year after the base year.",
            "Statistics are means over replications with 95% confidence intervals from Student’s t distribution with (replications − 1) degrees of freedom. Percentiles (p50, p95, p99) pool all measured requests of all replications; their confidence intervals use the same percentile per replication.",
            "A target is met only when the upper end of its 95% interval is within the limit. Where an estimate is within the limit but its interval is not, the configuration is simulated again with more replications (up to four times as many) before it is rejected.",
            "The sizing search works year by year and never removes what an earlier year bought. Closed-form queueing results bracket each pool and link first: a lower bound any feasible configuration must reach (offered load, stability and utilisation targets) and a generous start (Erlang C with little waiting). The start is simulated and grown while targets are unmet; then each resource, most expensive first, is searched down to the smallest value that still meets every target. Purchases are the differences from year to year.",
            "In all, \(simulations) simulations (\(simulated) replications) were run for this plan. All runs use the same seed (common random numbers), so the same scenario and options give the same report.",
            "Costs: servers cost their unit price in the year they are bought and their upkeep (opex) in every later year of the horizon; bandwidth is leased in steps, paid every year from the year it is added. Storage is not simulated: each year it needs data × copies / (1 − headroom), where a stock of records grows by its own yearly growth and per-request data (such as audit logs) is the workloads’ mean daily rate × 365 × the retention in years × the item size; it is bought in whole steps when the need exceeds what is installed, like servers. Energy is a running cost, not a purchase: servers installed that year × average power × PUE × 8,760 h × the electricity price. An agency’s total is the sum of its purchases’ cost plus their yearly opex up to the last year of the horizon, plus the energy of every year.",
        ] },
        files: "Files of this report",
        filesNote: "The tables of this report as CSV (comma-separated, RFC 4180, numbers in plain machine form):",
        chartsInHTML: "The charts are in index.html.",
        storageKind: "Storage",
        fillChange: "fill",
        storageNeed: "Storage need per year",
        storageNeedNote: "Data held in each year (one copy), the usable capacity it needs with its copies and headroom, and the usable capacity installed after that year’s purchases. Storage is not simulated: these are closed forms.",
        data: "Data",
        dataTotal: "Data, one copy",
        needRow: { copies, headroom in "Need: × \(copies) copies / (1 − \(headroom) headroom)" },
        installed: "Installed",
        countItem: { count, size, growth in "\(count) × \(size), growing \(growth) a year" },
        perRequestItem: { workloads, size, retention in "\(size) per request of \(workloads), kept \(retention)" },
        chartStorage: "Storage need and capacity",
        chartStorageNote: "Usable capacity installed after each year’s purchases (bars) against the capacity needed, data × copies / (1 − headroom) (line), in terabytes.",
        installedCapacity: "Installed usable capacity",
        needLegend: "Need",
        energy: "Energy",
        energyTotal: "Energy over the horizon",
        energyNote: "Energy is a running cost of what is installed, not a purchase. Each year: servers installed after that year’s purchases × average power per server (W) × PUE (the site’s total power / IT power) × 8,760 h × the electricity price per kWh / 1000. It is included in each agency’s cost per year and total; sites without a facilities entry count no energy.",
        energyPerYear: "Energy cost per agency and year",
        energyDetail: "Energy per pool in %@",
        servers: "Servers",
        powerPerServer: "Power per server",
        pue: "PUE",
        electricityPrice: "Price per kWh",
        energyUse: "Energy (MWh a year)"
    )

    static let vi = ReportText(
        title: "Kế hoạch năng lực và đề xuất đầu tư",
        scenario: "Kịch bản",
        description: "Mô tả",
        horizon: "Giai đoạn kế hoạch",
        baseYear: "năm cơ sở",
        currency: "Đơn vị tiền tệ",
        sourceFile: "Tệp kịch bản",
        contents: "Mục lục",
        summary: "Tóm tắt",
        totalCost: "Tổng chi phí cả giai đoạn",
        totalCostNote: "mua sắm và thuê kênh cộng chi phí vận hành hằng năm đến năm cuối, cộng tiền điện của máy chủ đã lắp đặt",
        purchases: "Hạng mục mua sắm",
        agencies: "Cơ quan",
        simulations: "Số lần mô phỏng",
        replicationsWord: "lần lặp",
        costByAgencyYear: "Chi phí theo cơ quan và năm",
        costByAgencyYearNote: "Số tiền mỗi cơ quan chi trong từng năm: mua sắm và thuê kênh của năm đó cộng chi phí vận hành và tiền thuê của các hạng mục đã mua trước đó, cộng tiền điện của máy chủ đang vận hành.",
        agency: "Cơ quan",
        total: "Tổng cộng",
        allAgencies: "Tất cả cơ quan",
        nothingToBuy: "Không cần mua sắm: năng lực hiện có đáp ứng mọi mục tiêu trong mọi năm của giai đoạn.",
        noPurchases: "Không có hạng mục mua sắm trong cả giai đoạn cho",
        feasibleNote: "Với năng lực dưới đây, mọi mục tiêu chất lượng dịch vụ đều đạt trong mọi năm.",
        infeasibleTitle: "Kế hoạch KHÔNG khả thi",
        infeasibleYear: "không có cấu hình nào trong giới hạn cho phép (max_servers, max_bandwidth, max_rate, max_capacity) đáp ứng mọi mục tiêu",
        unmet: "không đạt",
        procurement: "Kế hoạch mua sắm",
        procurementNote: "Mỗi dòng là một hạng mục mua sắm: máy chủ và thiết bị lưu trữ được mua đứt (thành tiền = số lượng × đơn giá; lưu trữ mua theo gói dung lượng khả dụng) và phát sinh chi phí vận hành mỗi năm sau đó; băng thông được thuê theo gói (thành tiền = tiền thuê năm đầu, các năm sau trả tiền thuê như vậy).",
        agencyTotal: "tổng cả giai đoạn",
        year: "Năm",
        what: "Hạng mục",
        whereText: "Địa điểm",
        quantity: "Số lượng",
        unitCost: "Đơn giá",
        cost: "Thành tiền",
        opexPerYear: "Chi phí vận hành/năm",
        reason: "Lý do",
        serversKind: "Máy chủ",
        bandwidthKind: "Băng thông",
        serversUnit: "máy chủ",
        stepsUnit: "gói",
        utilisationChange: "mức sử dụng",
        capacity: "Công suất đã lắp đặt theo năm",
        capacityNote: "Năng lực sau khi mua sắm của từng năm; những gì đã mua không bao giờ bị loại bỏ.",
        resource: "Tài nguyên",
        pool: "Cụm máy chủ",
        link: "Đường truyền",
        workload: "Dịch vụ",
        charts: "Biểu đồ",
        chartDemand: "Nhu cầu và năng lực của từng cụm máy chủ",
        chartDemandNote: "Tải yêu cầu quy ra số máy chủ (số máy chủ trung bình bận xử lý) so với số máy chủ lắp đặt sau khi mua sắm của từng năm.",
        installedServers: "Máy chủ lắp đặt",
        offeredLoad: "Tải yêu cầu (máy chủ)",
        serversAxis: "máy chủ",
        chartUtilisation: "Mức sử dụng năm %@",
        chartUtilisationNote: "Mức sử dụng trung bình của từng cụm máy chủ, từng chiều của mỗi đường truyền và từng bộ giới hạn tốc độ (số token đã dùng / số token được cấp theo tốc độ) trong năm cuối của kế hoạch, kèm khoảng tin cậy 95%; vạch đỏ là mục tiêu mức sử dụng.",
        utilisation: "Mức sử dụng",
        targetLimit: "Giới hạn mục tiêu",
        forward: "chiều đi",
        reverse: "chiều về",
        chartLatency: "Thời gian phản hồi của từng dịch vụ năm %@",
        chartLatencyNote: "Các phân vị thời gian phản hồi đầu-cuối (p50, p95, p99) của từng dịch vụ trong năm cuối của kế hoạch (thang logarit khi giá trị trải rộng); vạch đỏ là mục tiêu của dịch vụ.",
        responseTime: "Thời gian phản hồi",
        logScale: "thang logarit",
        chartCost: "Chi phí mỗi năm theo cơ quan",
        chartCostNote: "Mua sắm và thuê kênh của từng năm cộng chi phí vận hành các hạng mục đã mua trước đó và tiền điện của máy chủ, xếp chồng theo cơ quan.",
        costAxis: "chi phí mỗi năm",
        noData: "Không có dữ liệu.",
        targets: "Mục tiêu chất lượng dịch vụ năm %@",
        targetsNote: "Một mục tiêu chỉ được coi là đạt khi cận trên của khoảng tin cậy 95% nằm trong giới hạn.",
        subject: "Đối tượng",
        metric: "Chỉ số",
        limit: "Giới hạn",
        value: "Giá trị",
        bound: "Cận trên khoảng tin cậy 95%",
        met: "Đạt",
        yes: "đạt",
        no: "KHÔNG ĐẠT",
        assumptions: "Danh mục giả định",
        assumptionsNote: "Mọi giá trị trong tệp kịch bản cùng số dòng và ghi chú nguồn của nó. Các dòng đánh dấu “giả định” (ghi chú bắt đầu bằng “A:” hoặc nhắc đến giả định) là ước tính chứ không phải số đo, cần được rà soát.",
        path: "Dữ liệu đầu vào",
        line: "Dòng",
        comment: "Nguồn / ghi chú",
        kindColumn: "Loại",
        assumptionMark: "giả định",
        inputMark: "đầu vào",
        noInputs: "Kịch bản không ghi nhận dữ liệu đầu vào nào.",
        inputsCount: { n, a in "\(n) dữ liệu đầu vào, trong đó \(a) được đánh dấu là giả định." },
        method: "Phương pháp",
        methodParagraphs: { seed, replications, duration, warmup, simulations, simulated, baseYear in [
            "Mọi số liệu trong báo cáo này đến từ mô phỏng sự kiện rời rạc của kịch bản với giá trị khởi tạo ngẫu nhiên (seed) \(seed). Mỗi cấu hình được mô phỏng qua \(replications) lần lặp độc lập; mỗi lần lặp mô phỏng giai đoạn khởi động \(warmup) (bị loại bỏ) rồi đo \(duration) thời gian mô phỏng. Tải của mỗi năm bằng tải năm cơ sở (\(baseYear)) nhân với (1 + tốc độ tăng trưởng) cho mỗi năm sau năm cơ sở.",
            "Các thống kê là giá trị trung bình qua các lần lặp với khoảng tin cậy 95% theo phân phối Student t với (số lần lặp − 1) bậc tự do. Các phân vị (p50, p95, p99) gộp mọi yêu cầu được đo của mọi lần lặp; khoảng tin cậy của chúng dùng cùng phân vị đó trong từng lần lặp.",
            "Một mục tiêu chỉ được coi là đạt khi cận trên của khoảng tin cậy 95% nằm trong giới hạn. Khi ước lượng nằm trong giới hạn nhưng khoảng tin cậy thì không, cấu hình được mô phỏng lại với nhiều lần lặp hơn (tối đa gấp bốn lần) trước khi bị loại.",
            "Việc xác định quy mô được thực hiện theo từng năm và không bao giờ loại bỏ những gì đã mua ở năm trước. Trước tiên, các công thức giải tích của lý thuyết hàng đợi khoanh vùng từng cụm máy chủ và đường truyền: một cận dưới mà mọi cấu hình khả thi phải đạt (tải yêu cầu, điều kiện ổn định và mục tiêu mức sử dụng) và một điểm xuất phát rộng rãi (Erlang C với ít chờ đợi). Điểm xuất phát được mô phỏng và tăng dần khi còn mục tiêu chưa đạt; sau đó từng tài nguyên, đắt nhất trước, được tìm kiếm xuống giá trị nhỏ nhất vẫn đáp ứng mọi mục tiêu. Hạng mục mua sắm là phần chênh lệch giữa các năm.",
            "Tổng cộng đã chạy \(simulations) lần mô phỏng (\(simulated) lần lặp) cho kế hoạch này. Mọi lần chạy dùng cùng một giá trị khởi tạo ngẫu nhiên (kỹ thuật số ngẫu nhiên chung), nên cùng kịch bản và tùy chọn cho ra cùng một báo cáo.",
            "Chi phí: máy chủ tính theo đơn giá vào năm mua và chi phí vận hành vào mỗi năm sau đó trong giai đoạn; băng thông được thuê theo gói, trả hằng năm kể từ năm bổ sung. Lưu trữ không được mô phỏng: dung lượng cần có mỗi năm bằng dữ liệu × số bản sao / (1 − tỷ lệ dự phòng), trong đó dữ liệu dạng kho (hồ sơ, ảnh sinh trắc) tăng theo tốc độ riêng của nó, còn dữ liệu phát sinh theo yêu cầu (như nhật ký xác thực) bằng số yêu cầu trung bình mỗi ngày × 365 × số năm lưu giữ × dung lượng mỗi bản ghi; khi nhu cầu vượt dung lượng hiện có, thiết bị lưu trữ được mua thêm theo gói dung lượng, như máy chủ. Tiền điện là chi phí vận hành, không phải hạng mục mua sắm: số máy chủ lắp đặt trong năm × công suất bình quân × PUE × 8.760 giờ × giá điện. Tổng chi phí của một cơ quan là tổng thành tiền các hạng mục cộng chi phí vận hành hằng năm của chúng đến năm cuối của giai đoạn, cộng tiền điện của từng năm.",
        ] },
        files: "Các tệp của báo cáo",
        filesNote: "Các bảng của báo cáo dưới dạng CSV (phân tách bằng dấu phẩy, RFC 4180, số ở dạng máy đọc được):",
        chartsInHTML: "Các biểu đồ nằm trong index.html.",
        storageKind: "Lưu trữ",
        fillChange: "tỷ lệ sử dụng dung lượng",
        storageNeed: "Nhu cầu lưu trữ theo năm",
        storageNeedNote: "Khối lượng dữ liệu từng năm (một bản), dung lượng khả dụng cần có khi tính cả số bản sao và phần dự phòng, và dung lượng khả dụng đã lắp đặt sau khi mua sắm của năm đó. Lưu trữ không được mô phỏng: các con số này tính bằng công thức.",
        data: "Dữ liệu",
        dataTotal: "Tổng dữ liệu (một bản)",
        needRow: { copies, headroom in "Dung lượng cần có: × \(copies) bản sao / (1 − \(headroom) dự phòng)" },
        installed: "Đã lắp đặt",
        countItem: { count, size, growth in "\(count) × \(size), tăng \(growth) mỗi năm" },
        perRequestItem: { workloads, size, retention in "\(size) cho mỗi yêu cầu của \(workloads), lưu giữ \(retention)" },
        chartStorage: "Nhu cầu và dung lượng lưu trữ",
        chartStorageNote: "Dung lượng khả dụng đã lắp đặt sau khi mua sắm của từng năm (cột) so với dung lượng cần có, bằng dữ liệu × số bản sao / (1 − tỷ lệ dự phòng) (đường), tính bằng TB.",
        installedCapacity: "Dung lượng khả dụng đã lắp đặt",
        needLegend: "Nhu cầu",
        energy: "Điện năng",
        energyTotal: "Tiền điện cả giai đoạn",
        energyNote: "Tiền điện là chi phí vận hành của hạ tầng đã lắp đặt, không phải hạng mục mua sắm. Mỗi năm: số máy chủ sau khi mua sắm của năm đó × công suất bình quân mỗi máy chủ (W) × PUE (tổng điện năng của trung tâm dữ liệu / điện năng thiết bị CNTT) × 8.760 giờ × giá điện mỗi kWh / 1000. Khoản này được cộng vào chi phí từng năm và tổng chi phí của mỗi cơ quan; địa điểm không khai báo thông số cơ sở hạ tầng (facilities) thì không tính tiền điện.",
        energyPerYear: "Tiền điện theo cơ quan và năm",
        energyDetail: "Điện năng theo cụm máy chủ năm %@",
        servers: "Số máy chủ",
        powerPerServer: "Công suất mỗi máy chủ",
        pue: "PUE",
        electricityPrice: "Giá điện mỗi kWh",
        energyUse: "Điện năng (MWh/năm)"
    )
}
