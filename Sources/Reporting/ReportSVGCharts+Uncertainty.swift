import Foundation

extension ReportSVGCharts {
    static let bandColour = "#4477AA"
    static let lowColour = "#66CCEE"
    static let highColour = "#EE6677"
    static let noiseColour = "#BBBBBB"

    /// Yearly cost across futures: the P10–P90 band, the P50 line, and the base plan dashed.
    static func fan(years: [Int], p10: [Double], p50: [Double], p90: [Double], base: [Double]?, currency: String,
                    language: ReportLanguage) -> String {
        let t = language.uncertaintyText
        let width = 680.0, left = 70.0, right = 16.0, top = 18.0, plotHeight = 190.0
        let plotWidth = width - left - right
        let legendY = top + plotHeight + 40
        var c = SVGCanvas(width: width, height: legendY + 10)
        let maximum = (p90 + (base ?? [])).filter(\.isFinite).max() ?? 0
        let scale = ChartScale.linear(maximum: maximum * 1.08, ticks: 5)
        func y(_ v: Double) -> Double { top + plotHeight * (1 - scale.fraction(v)) }
        let slot = plotWidth / Double(max(years.count, 1))
        func x(_ i: Int) -> Double { left + slot * (Double(i) + 0.5) }
        for tick in scale.ticks {
            c.line(left, y(tick), left + plotWidth, y(tick), stroke: gridColour)
            c.text(left - 6, y(tick) + 3.5, language.shortMoney(tick), anchor: .end, size: 10)
        }
        c.text(13, top + plotHeight / 2, "\(language.text.costAxis) (\(language == .vi && currency.uppercased() == "VND" ? "₫" : currency))",
               anchor: .middle, size: 10, fill: "#555", rotate: -90)
        let upper = years.indices.map { (x($0), y(p90[$0])) }
        let lower = years.indices.reversed().map { (x($0), y(p10[$0])) }
        c.polygon(upper + lower, fill: bandColour, opacity: 0.22, title: t.fanBand)
        c.polyline(years.indices.map { (x($0), y(p50[$0])) }, stroke: bandColour, width: 2.5)
        for (i, year) in years.enumerated() {
            c.circle(x(i), y(p50[i]), r: 3.5, fill: bandColour,
                     title: "\(year): P10 \(language.money(p10[i], currency: currency)), P50 \(language.money(p50[i], currency: currency)), P90 \(language.money(p90[i], currency: currency))")
            c.text(x(i), top + plotHeight + 15, String(year), anchor: .middle, size: 10.5)
        }
        if let base {
            for i in base.indices.dropFirst() { c.line(x(i - 1), y(base[i - 1]), x(i), y(base[i]), stroke: "#222", width: 1.5, dash: "5 3") }
        }
        c.line(left, y(0), left + plotWidth, y(0), stroke: axisColour)
        c.line(left, top, left, y(0), stroke: axisColour)
        var entries = [(t.fanBand, "#B4C8DD", "box"), (t.fanMedian, bandColour, "dot")]
        if base != nil { entries.append((t.fanBase, "#222", "dash")) }
        legend(&c, x: left, y: legendY, entries, maxWidth: plotWidth)
        return c.rendered(label: t.fanTitle)
    }

    /// One bar per input from the total at its low end to the total at its high end, centred on the base total,
    /// largest swing on top; a grey band shows the simulation noise.
    static func tornado(rows: [(label: String, low: Double, high: Double)], base: Double, noise: Double?, currency: String,
                        language: ReportLanguage) -> String {
        let t = language.uncertaintyText
        let width = 680.0, labelWidth = 230.0, right = 20.0, top = 16.0, barHeight = 18.0, gap = 8.0
        let plotWidth = width - labelWidth - right
        let plotHeight = Double(rows.count) * (barHeight + gap)
        let legendY = top + plotHeight + 40
        var c = SVGCanvas(width: width, height: legendY + 26)
        let values = rows.flatMap { [$0.low, $0.high] } + [base] + (noise.map { [base - $0, base + $0] } ?? [])
        let lo = values.filter(\.isFinite).min() ?? 0, hi = values.filter(\.isFinite).max() ?? 1
        let pad = max((hi - lo) * 0.06, abs(base) * 0.01, 1)
        let minimum = lo - pad, maximum = hi + pad
        func x(_ v: Double) -> Double { labelWidth + plotWidth * (v - minimum) / (maximum - minimum) }
        let step = ChartScale.linear(maximum: maximum - minimum, ticks: 4).ticks.dropFirst().first ?? (maximum - minimum)
        let ticks = stride(from: (minimum / step).rounded(.up) * step, through: maximum, by: step).map { $0 }
        for v in ticks {
            c.line(x(v), top - 4, x(v), top + plotHeight, stroke: gridColour)
            c.text(x(v), top + plotHeight + 14, language.shortMoney(v), anchor: .middle, size: 9.5)
        }
        if let noise {
            c.rect(x(base - noise), top - 4, x(base + noise) - x(base - noise), plotHeight + 4, fill: "#E4E4E4",
                   title: "\(t.tornadoNoise): ±\(language.money(noise, currency: currency))")
        }
        for (i, row) in rows.enumerated() {
            let y0 = top + Double(i) * (barHeight + gap)
            c.text(labelWidth - 8, y0 + barHeight * 0.7, truncated(row.label, 38), anchor: .end, size: 10)
            for (value, colour, what) in [(row.low, lowColour, t.tornadoLow), (row.high, highColour, t.tornadoHigh)] {
                let a = min(x(value), x(base)), b = max(x(value), x(base))
                c.rect(a, y0, max(b - a, 1), barHeight, fill: colour, title: "\(row.label): \(what), \(language.money(value, currency: currency))")
            }
        }
        c.line(x(base), top - 8, x(base), top + plotHeight + 2, stroke: "#222", width: 2)
        c.text(x(base), top - 10, "\(t.tornadoBase) \(language.shortMoney(base))", anchor: .middle, size: 9.5, weight: "600")
        c.text(labelWidth + plotWidth / 2, top + plotHeight + 29, "\(language.text.costAxis) (\(language == .vi && currency.uppercased() == "VND" ? "₫" : currency))",
               anchor: .middle, size: 10, fill: "#555")
        var entries = [(t.tornadoLow, lowColour, "box"), (t.tornadoHigh, highColour, "box")]
        if noise != nil { entries.append((t.tornadoNoise, noiseColour, "box")) }
        legend(&c, x: labelWidth, y: legendY, entries, maxWidth: plotWidth)
        return c.rendered(label: t.tornadoTitle)
    }
}
