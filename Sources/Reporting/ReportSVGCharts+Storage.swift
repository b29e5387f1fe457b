import Foundation

extension ReportSVGCharts {
    static let needColour = "#EE7733"
    static let storageColour = "#228833"

    /// Installed usable capacity (bars) and the capacity needed (line) per year for one storage resource, in TB.
    static func storageCapacity(storage: String, years: [Int], installed: [Double], need: [Double],
                                language: ReportLanguage) -> String {
        let t = language.text
        let width = 330.0, left = 48.0, right = 10.0, top = 28.0, plotHeight = 120.0
        let legendY = top + plotHeight + 40
        var c = SVGCanvas(width: width, height: legendY + 8)
        let tb = installed.map { $0 / 1e12 }, needTB = need.map { $0 / 1e12 }
        let scale = ChartScale.linear(maximum: max(tb.max() ?? 0, needTB.filter(\.isFinite).max() ?? 0) * 1.05, ticks: 4)
        let plotWidth = width - left - right
        func y(_ v: Double) -> Double { top + plotHeight * (1 - scale.fraction(v)) }
        c.text(left - 42, 16, truncated(storage, 44), size: 12.5, weight: "600")
        for tick in scale.ticks {
            c.line(left, y(tick), left + plotWidth, y(tick), stroke: gridColour)
            c.text(left - 5, y(tick) + 3.5, language.axisNumber(tick), anchor: .end, size: 10)
        }
        c.text(11, top + plotHeight / 2, "TB", anchor: .middle, size: 10, fill: "#555", rotate: -90)
        let slot = plotWidth / Double(max(years.count, 1))
        let barWidth = min(slot * 0.6, 40)
        var points: [(Double, Double)] = []
        for (i, year) in years.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            let v = i < tb.count ? tb[i] : 0
            c.rect(cx - barWidth / 2, y(v), barWidth, y(0) - y(v), fill: storageColour,
                   title: "\(year): \(t.installedCapacity) \(language.bytes(v * 1e12))")
            c.text(cx, top + plotHeight + 14, String(year), anchor: .middle, size: 10)
            if i < needTB.count, needTB[i].isFinite { points.append((cx, y(needTB[i]))) }
        }
        c.line(left, y(0), left + plotWidth, y(0), stroke: axisColour)
        c.line(left, top, left, y(0), stroke: axisColour)
        if points.count > 1 { c.polyline(points, stroke: needColour, width: 2.2) }
        for (i, p) in points.enumerated() where i < need.count {
            c.circle(p.0, p.1, r: 3.6, fill: needColour, title: "\(years[i]): \(t.needLegend) \(language.bytes(need[i]))")
        }
        legend(&c, x: left - 42, y: legendY, [(t.installedCapacity, storageColour, "box"), (t.needLegend, needColour, "dot")],
               maxWidth: width - 8)
        return c.rendered(label: "\(t.chartStorage): \(storage)")
    }
}
