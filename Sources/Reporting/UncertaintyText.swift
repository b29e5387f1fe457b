/// The fixed strings of a report's uncertainty section, in each language.
struct UncertaintyText: Sendable {
    var heading: String
    var intro: String
    var budget: String
    var p10Card: String
    var p50Card: String
    var p90Card: String
    var interval: String
    var robustCard: String
    var jointAdequacy: String
    var fanTitle: String
    var fanNote: String
    var fanBand: String
    var fanMedian: String
    var fanBase: String
    var tornadoTitle: String
    var tornadoNote: String
    var tornadoLow: String
    var tornadoHigh: String
    var tornadoBase: String
    var tornadoNoise: String
    var probabilityTitle: String
    var probabilityNote: String
    var robustTitle: String
    var robustNote: String
    var robustInfeasible: String
    var percentilesNotAdditive: String
    var infeasibleSamples: String
    var noise: String
    var method: String
    var resource: String
    var input: String
    var low: String
    var high: String
    var costAtLow: String
    var costAtHigh: String
    var swing: String
    var spearman: String
    var samplesWord: String
    var infeasibleEnd: String
    var infeasibleInputs: String

    static let en = UncertaintyText(
        heading: "Uncertainty and sensitivity",
        intro: "The plan above is one future. Here the uncertain assumptions are drawn many times, and every draw is planned in full, "
            + "with the same simulation seed so that differences come from the assumptions, not from simulation noise.",
        budget: "Total cost over the horizon",
        p10Card: "P10 (optimistic)", p50Card: "P50 (typical)", p90Card: "P90 (budget at 90% confidence)",
        interval: "95% interval",
        robustCard: "Robust plan", jointAdequacy: "enough for every resource and year in %@ of the futures",
        fanTitle: "Cost per year across the futures",
        fanNote: "Band: P10 to P90 of each year's cost across the sampled futures; line: P50; dashed: the plan with every assumption at its base value.",
        fanBand: "P10–P90", fanMedian: "P50", fanBase: "base assumptions",
        tornadoTitle: "What drives the budget (tornado)",
        tornadoNote: "Each bar moves one assumption from its 10th to its 90th percentile (smallest to largest listed value) with the others at their base values; the line is the total with every assumption at base.",
        tornadoLow: "assumption at its low end", tornadoHigh: "assumption at its high end", tornadoBase: "base", tornadoNoise: "simulation noise (95%)",
        probabilityTitle: "Chance of buying, by resource and year",
        probabilityNote: "Share of the feasible sampled futures whose plan buys more of the resource in that year (a future that cannot meet its targets buys nothing meaningful).",
        robustTitle: "Robust plan",
        robustNote: "Per resource and year, the capacity that %@ of the sampled futures need, never decreasing over the years, costed like the plan above.",
        robustInfeasible: "Fewer than the chosen share of futures can be met within the bounds (max_servers, max_bandwidth): the robust plan does not meet the targets.",
        percentilesNotAdditive: "Percentiles do not add up: the P90 of the total is not the sum of the agencies' P90s.",
        infeasibleSamples: "%@ of the futures cannot be met within the bounds; their costs are left out of the percentiles.",
        noise: "Planning a few futures again with another simulation seed moves the total by about ±%@ (95%), %@ of the spread across futures; differences smaller than that are noise.",
        method: "Method: %@ samples (%@), design seed %@, simulation seed %@.",
        resource: "Resource", input: "Assumption", low: "Low", high: "High", costAtLow: "Total at low", costAtHigh: "Total at high",
        swing: "Swing", spearman: "Rank correlation", samplesWord: "samples",
        infeasibleEnd: "no plan within the bounds",
        infeasibleInputs: "At one end of its range, %@ leaves no configuration within the bounds that meets every target: the plan cannot be costed there. Review the targets or the bounds for that future before relying on the budget.")

    static let vi = UncertaintyText(
        heading: "Bất định và độ nhạy",
        intro: "Kế hoạch ở trên ứng với một tương lai. Phần này rút ngẫu nhiên nhiều lần các giả định chưa chắc chắn và lập kế hoạch đầy đủ cho từng lần rút, "
            + "dùng cùng giá trị khởi tạo ngẫu nhiên (seed) của mô phỏng để khác biệt đến từ giả định chứ không phải từ nhiễu mô phỏng.",
        budget: "Tổng chi phí cả giai đoạn",
        p10Card: "P10 (lạc quan)", p50Card: "P50 (điển hình)", p90Card: "P90 (ngân sách với độ tin cậy 90%)",
        interval: "khoảng tin cậy 95%",
        robustCard: "Kế hoạch vững", jointAdequacy: "đủ cho mọi tài nguyên và mọi năm ở %@ số tương lai",
        fanTitle: "Chi phí theo năm qua các tương lai",
        fanNote: "Dải màu: từ P10 đến P90 chi phí từng năm qua các tương lai được lấy mẫu; đường liền: P50; đường đứt: kế hoạch với mọi giả định ở giá trị gốc.",
        fanBand: "P10–P90", fanMedian: "P50", fanBase: "giả định gốc",
        tornadoTitle: "Giả định nào quyết định ngân sách (biểu đồ tornado)",
        tornadoNote: "Mỗi thanh cho một giả định đi từ phân vị 10 đến phân vị 90 (từ giá trị nhỏ nhất đến lớn nhất được liệt kê), các giả định khác giữ giá trị gốc; vạch dọc là tổng chi phí khi mọi giả định ở giá trị gốc.",
        tornadoLow: "giả định ở mức thấp", tornadoHigh: "giả định ở mức cao", tornadoBase: "gốc", tornadoNoise: "nhiễu mô phỏng (95%)",
        probabilityTitle: "Khả năng phải mua sắm, theo tài nguyên và năm",
        probabilityNote: "Tỷ lệ tương lai khả thi được lấy mẫu mà kế hoạch phải mua thêm tài nguyên đó trong năm đó (tương lai không thể đáp ứng chỉ tiêu không được tính).",
        robustTitle: "Kế hoạch vững",
        robustNote: "Với từng tài nguyên và từng năm, lấy năng lực mà %@ số tương lai được lấy mẫu cần, không giảm qua các năm, rồi tính chi phí như kế hoạch ở trên.",
        robustInfeasible: "Số tương lai đáp ứng được trong giới hạn (max_servers, max_bandwidth) ít hơn tỷ lệ đã chọn: kế hoạch vững không đạt các mục tiêu.",
        percentilesNotAdditive: "Các phân vị không cộng được với nhau: P90 của tổng không bằng tổng P90 của các cơ quan.",
        infeasibleSamples: "%@ số tương lai không thể đáp ứng trong giới hạn; chi phí của chúng không được tính vào các phân vị.",
        noise: "Lập lại kế hoạch cho một số tương lai với giá trị khởi tạo ngẫu nhiên (seed) khác của mô phỏng làm tổng chi phí thay đổi khoảng ±%@ (95%), bằng %@ độ phân tán giữa các tương lai; chênh lệch nhỏ hơn mức này là nhiễu.",
        method: "Phương pháp: %@ mẫu (%@), seed của thiết kế mẫu %@, seed của mô phỏng %@.",
        resource: "Tài nguyên", input: "Giả định", low: "Thấp", high: "Cao", costAtLow: "Tổng khi thấp", costAtHigh: "Tổng khi cao",
        swing: "Biên độ", spearman: "Tương quan hạng", samplesWord: "mẫu",
        infeasibleEnd: "không có phương án trong giới hạn",
        infeasibleInputs: "Ở một đầu khoảng giá trị, %@ khiến không có cấu hình nào trong giới hạn đáp ứng mọi mục tiêu: không thể tính chi phí cho tương lai đó. Cần xem lại mục tiêu hoặc giới hạn cho tương lai này trước khi dựa vào ngân sách.")
}

extension ReportLanguage {
    var uncertaintyText: UncertaintyText { self == .vi ? .vi : .en }
}
