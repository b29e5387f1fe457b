/// Strings of a report about the status of its plan, in each language: the infeasibility diagnosis, the simulated
/// window, unpriced purchases and the investment / running-cost split.
struct PlanStatusText: Sendable {
    var noFeasiblePlan: String
    /// "2030 cannot meet every target within the bounds; ..." with the years.
    var infeasibleLead: @Sendable (String) -> String
    var feasibleYearsOnly: @Sendable (String) -> String
    var costOfFeasibleYears: String
    var notABudget: String
    var triedNote: @Sendable (String) -> String
    var window: String
    var windowNote: String
    var noPrice: String
    var unpricedWarning: @Sendable (String) -> String
    var excludingUnpriced: @Sendable (String) -> String
    var costSplit: String
    var costSplitNote: String
    var capex: String
    var opex: String
    var settled: @Sendable (Int, Int, Int) -> String

    static let en = PlanStatusText(
        noFeasiblePlan: "No feasible plan",
        infeasibleLead: { years in "\(years): no capacity within the bounds (max_servers, max_bandwidth, max_capacity) meets every target, so these years buy nothing. Why:" },
        feasibleYearsOnly: { years in "The purchases and costs below are those of the feasible years (\(years)) only: they are not a plan or a budget for the horizon." },
        costOfFeasibleYears: "Cost of the feasible years only",
        notABudget: "not a budget: the plan is infeasible",
        triedNote: { year in "\(year) is infeasible: the values below were simulated with the capacity tried for the diagnosis (ample capacity within the bounds), which is not a purchase." },
        window: "Simulated window",
        windowNote: "Every figure holds for this window of the design week only: the load follows the hourly and weekly profiles, so another window gives another plan.",
        noPrice: "no price",
        unpricedWarning: { list in "No price for \(list): the scenario gives these pools no unit: (cost, opex_per_year), so their purchases count as 0 in every total. Add a unit: to price them." },
        excludingUnpriced: { list in "excluding the unpriced purchases of \(list)" },
        costSplit: "Investment and running costs per year",
        costSplitNote: "Investment (capex): servers and storage bought that year. Running costs (opex): upkeep of earlier purchases, leases and rents from their first year (bandwidth, and servers or storage whose unit costs the same every year, such as rented VMs) and energy. The two add up to the cost per year above.",
        capex: "Investment (capex)",
        opex: "Running costs (opex)",
        settled: { year, replications, base in "\(year): the capacity chosen was confirmed with \(replications) replications (with the scenario’s \(base), a 95% bound stayed above its limit while the estimate was within it)." })

    static let vi = PlanStatusText(
        noFeasiblePlan: "Không có phương án khả thi",
        infeasibleLead: { years in "\(years): không có mức năng lực nào trong giới hạn cho phép (max_servers, max_bandwidth, max_capacity) đáp ứng mọi mục tiêu, nên không mua sắm trong các năm này. Nguyên nhân:" },
        feasibleYearsOnly: { years in "Các hạng mục và chi phí dưới đây chỉ là của những năm khả thi (\(years)): đây không phải kế hoạch hay dự toán cho cả giai đoạn." },
        costOfFeasibleYears: "Chi phí của riêng các năm khả thi",
        notABudget: "không phải dự toán: kế hoạch không khả thi",
        triedNote: { year in "Năm \(year) không khả thi: các giá trị dưới đây được mô phỏng với năng lực thử nghiệm để chẩn đoán (năng lực dư dả trong giới hạn cho phép), không phải hạng mục mua sắm." },
        window: "Khung thời gian mô phỏng",
        windowNote: "Mọi số liệu chỉ đúng cho khung thời gian này của tuần thiết kế: tải thay đổi theo giờ trong ngày và ngày trong tuần, nên khung thời gian khác sẽ cho kế hoạch khác.",
        noPrice: "chưa có giá",
        unpricedWarning: { list in "Chưa có đơn giá cho \(list): kịch bản không khai báo unit: (cost, opex_per_year) cho các cụm máy chủ này, nên chi phí mua sắm của chúng được tính bằng 0 trong mọi khoản tổng. Cần bổ sung unit: để tính giá." },
        excludingUnpriced: { list in "chưa gồm các hạng mục chưa có giá của \(list)" },
        costSplit: "Chi đầu tư và chi thường xuyên theo năm",
        costSplitNote: "Chi đầu tư: máy chủ và thiết bị lưu trữ mua trong năm. Chi thường xuyên: chi phí vận hành các hạng mục đã mua, các khoản thuê kể từ năm đầu (băng thông, và máy chủ hoặc dung lượng lưu trữ có giá như nhau mỗi năm, như máy chủ ảo thuê) và tiền điện. Hai khoản cộng lại bằng chi phí theo năm ở trên.",
        capex: "Chi đầu tư",
        opex: "Chi thường xuyên",
        settled: { year, replications, base in "Năm \(year): năng lực được chọn đã được kiểm chứng với \(replications) lần lặp (với \(base) lần lặp của kịch bản, cận trên khoảng tin cậy 95% vẫn vượt giới hạn trong khi giá trị ước lượng nằm trong giới hạn)." })
}

extension ReportLanguage {
    var status: PlanStatusText { self == .vi ? .vi : .en }
}
