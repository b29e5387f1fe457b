import Foundation

extension ReportSVGCharts {
    /// One line of a time-series chart.
    struct TimeLine {
        var label: String
        var colour: String
        /// One value per point (same count as the chart's times).
        var values: [Double]
        var dashed = false
    }

    /// A line chart over simulated time: shaded event windows, lines per series, a linear y axis from 0.
    /// - Parameters:
    ///   - times: x of each point, minutes from time 0.
    ///   - span: the x range shown, minutes.
    ///   - events: event windows (start, end, name), minutes.
    ///   - yLabel: the y axis title; `percent` writes y ticks as percentages.
    static func timeSeries(title: String, times: [Double], span: (Double, Double), lines: [TimeLine],
                           events: [(Double, Double, String)], yLabel: String, percent: Bool = false,
                           language: ReportLanguage) -> String {
        let width = 680.0, left = 58.0, right = 14.0, top = 26.0, plotHeight = 170.0
        let plotWidth = width - left - right
        let legendLabels = lines.map(\.label) + (events.isEmpty ? [] : [language.clientText.eventWindow])
        let rows = legendRows(legendLabels, maxWidth: plotWidth)
        let legendY = top + plotHeight + 44
        var c = SVGCanvas(width: width, height: legendY + 16 * Double(rows - 1) + 10)
        let peak = lines.flatMap(\.values).filter(\.isFinite).max() ?? 0
        let scale = ChartScale.linear(maximum: max(peak * 1.05, percent ? 0.1 : 1e-9), ticks: 5)
        let (x0, x1) = (span.0, max(span.1, span.0 + 1e-9))
        func x(_ t: Double) -> Double { left + plotWidth * min(max((t - x0) / (x1 - x0), 0), 1) }
        func y(_ v: Double) -> Double { top + plotHeight * (1 - scale.fraction(v)) }
        c.text(left - 50, 16, truncated(title, 90), size: 12.5, weight: "600")
        for (start, end, name) in events where end > x0 && start < x1 {
            c.rect(x(start), top, max(x(end) - x(start), 1.5), plotHeight, fill: "#FBE3D6", title: name)
        }
        for tick in scale.ticks {
            c.line(left, y(tick), left + plotWidth, y(tick), stroke: gridColour)
            let label = percent ? language.axisNumber((tick * 1000).rounded() / 10) + "%" : language.axisNumber(tick)
            c.text(left - 5, y(tick) + 3.5, label, anchor: .end, size: 10)
        }
        // Round ticks (multiples of a 1-2-2.5-5 step) within the span.
        let steps = ChartScale.linear(maximum: x1 - x0, ticks: 6).ticks
        let step = steps.count > 1 ? steps[1] - steps[0] : max(x1 - x0, 1)
        var tick = (x0 / step - 1e-9).rounded(.up) * step
        while tick <= x1 + 1e-9 {
            c.line(x(tick), top + plotHeight, x(tick), top + plotHeight + 4, stroke: axisColour)
            c.text(x(tick), top + plotHeight + 15, language.axisNumber((tick * 10).rounded() / 10), anchor: .middle, size: 10)
            tick += step
        }
        c.text(12, top + plotHeight / 2, yLabel, anchor: .middle, size: 10, fill: "#555", rotate: -90)
        c.text(left + plotWidth / 2, top + plotHeight + 30, language.clientText.minutes, anchor: .middle, size: 10, fill: "#555")
        for line in lines {
            let points = zip(times, line.values).filter { $0.1.isFinite }.map { (x($0.0), y($0.1)) }
            guard !points.isEmpty else { continue }
            if points.count == 1 {
                c.circle(points[0].0, points[0].1, r: 3, fill: line.colour, title: line.label)
            } else if line.dashed {
                let p = points.map { "\(SVGCanvas.n($0.0)),\(SVGCanvas.n($0.1))" }.joined(separator: " ")
                c.raw("<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"1.8\" stroke-dasharray=\"5 3\" stroke-linejoin=\"round\"/>")
            } else {
                c.polyline(points, stroke: line.colour, width: 2)
            }
        }
        c.line(left, y(0), left + plotWidth, y(0), stroke: axisColour)
        c.line(left, top, left, y(0), stroke: axisColour)
        var entries = lines.map { ($0.label, $0.colour, $0.dashed ? "dash" : "line") }
        if !events.isEmpty { entries.append((language.clientText.eventWindow, "#FBE3D6", "box")) }
        legend(&c, x: left, y: legendY, entries, maxWidth: plotWidth)
        return c.rendered(label: title)
    }
}
