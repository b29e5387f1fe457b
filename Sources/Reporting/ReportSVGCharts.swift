import Foundation

/// A small SVG drawing surface for inline charts: shapes and text in user units of a fixed view box,
/// rendered as an `<svg>` element that scales to the width of its container. No scripts, no external
/// references (inline SVG in HTML needs no namespace declaration).
struct SVGCanvas {
    var width: Double
    var height: Double
    private var parts: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }

    mutating func raw(_ s: String) { parts.append(s) }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, title: String? = nil,
                       stroke: String? = nil) {
        let s = stroke.map { " stroke=\"\($0)\" stroke-width=\"0.8\"" } ?? ""
        let open = "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(w, 0)))\" height=\"\(Self.n(max(h, 0)))\" fill=\"\(fill)\"\(s)"
        if let t = title { parts.append(open + "><title>\(ReportHTML.escape(t))</title></rect>") } else { parts.append(open + "/>") }
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil) {
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        parts.append("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(d)/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        parts.append("<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\"/>")
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double = 1, title: String? = nil) {
        let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        let open = "<polygon points=\"\(p)\" fill=\"\(fill)\" fill-opacity=\"\(String(format: "%.2f", opacity))\""
        if let t = title { parts.append(open + "><title>\(ReportHTML.escape(t))</title></polygon>") } else { parts.append(open + "/>") }
    }

    mutating func circle(_ x: Double, _ y: Double, r: Double, fill: String, title: String? = nil) {
        let open = "<circle cx=\"\(Self.n(x))\" cy=\"\(Self.n(y))\" r=\"\(Self.n(r))\" fill=\"\(fill)\" stroke=\"#fff\" stroke-width=\"1\""
        if let t = title { parts.append(open + "><title>\(ReportHTML.escape(t))</title></circle>") } else { parts.append(open + "/>") }
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ x: Double, _ y: Double, _ s: String, anchor: Anchor = .start, size: Double = 11,
                       weight: String? = nil, fill: String = "#222", rotate: Double? = nil) {
        let r = rotate.map { " transform=\"rotate(\(Self.n($0)) \(Self.n(x)) \(Self.n(y)))\"" } ?? ""
        let w = weight.map { " font-weight=\"\($0)\"" } ?? ""
        parts.append("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"\(anchor.rawValue)\" font-size=\"\(Self.n(size))\" fill=\"\(fill)\"\(w)\(r)>\(ReportHTML.escape(s))</text>")
    }

    /// The `<svg>` element; `label` is its accessible name and tooltip.
    func rendered(label: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" role=\"img\" aria-label=\"\(ReportHTML.escape(label))\"><title>\(ReportHTML.escape(label))</title>"
            + parts.joined() + "</svg>"
    }
}

/// A numeric axis: linear from zero with round ticks, or logarithmic over whole decades.
struct ChartScale {
    var low: Double
    var high: Double
    var logarithmic: Bool
    var ticks: [Double]

    /// Linear from 0 to a round value at or above `maximum`.
    static func linear(maximum: Double, ticks count: Int = 5) -> ChartScale {
        let top = maximum.isFinite && maximum > 0 ? maximum : 1
        let raw = top / Double(count)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let high = (top / step - 1e-9).rounded(.up) * step
        let ticks = stride(from: 0.0, through: high + step / 2, by: step).map { $0 }
        return ChartScale(low: 0, high: high, logarithmic: false, ticks: ticks)
    }

    /// A logarithmic axis from the largest 1-2-5 step at or below `minimum` to the smallest at or above
    /// `maximum` (both > 0), ticked at 1-2-5 steps when it spans few decades, at decades otherwise.
    static func log(minimum: Double, maximum: Double) -> ChartScale {
        func steps(_ decade: Double) -> [Double] { [decade, 2 * decade, 5 * decade] }
        let d0 = pow(10, log10(minimum).rounded(.down))
        let lo = steps(d0).last { $0 <= minimum * 1.0000001 } ?? d0
        let d1 = pow(10, log10(maximum).rounded(.down))
        var hi = (steps(d1) + [10 * d1]).first { $0 >= maximum * 0.9999999 } ?? 10 * d1
        if hi <= lo { hi = lo * 10 }
        let decades = log10(hi / lo)
        var ticks: [Double] = []
        var d = d0
        while d <= hi * 1.0001 {
            for t in (decades <= 2.5 ? steps(d) : [d]) where t >= lo * 0.9999 && t <= hi * 1.0001 { ticks.append(t) }
            d *= 10
        }
        return ChartScale(low: lo, high: hi, logarithmic: true, ticks: ticks)
    }

    /// Position of `x` in 0...1 (clamped).
    func fraction(_ x: Double) -> Double {
        guard x.isFinite else { return x > 0 ? 1 : 0 }
        let f: Double
        if logarithmic {
            f = x <= 0 ? 0 : (Foundation.log10(x) - Foundation.log10(low)) / (Foundation.log10(high) - Foundation.log10(low))
        } else {
            f = high > low ? (x - low) / (high - low) : 0
        }
        return min(max(f, 0), 1)
    }
}

/// The report's charts, drawn with `SVGCanvas`: axes, ticks, labels and legends, no libraries.
enum ReportSVGCharts {
    /// Colour-blind-safe palette (Paul Tol's "bright").
    static let palette = ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB", "#332288", "#117733", "#882255"]
    static let limitColour = "#C62828"
    static let gridColour = "#E3E6EA"
    static let axisColour = "#555"
    static let demandColour = "#EE7733"
    static let installedColour = "#4477AA"
    static let linkColour = "#1B9E77"

    static func truncated(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    /// A legend row of swatches starting at (x, y); kinds: "box", "line", "dash", "dot".
    static func legend(_ c: inout SVGCanvas, x: Double, y: Double, _ entries: [(String, String, String)], maxWidth: Double) {
        var cx = x
        var cy = y
        for (label, colour, kind) in entries {
            let w = 22 + Double(label.count) * 6.2 + 14
            if cx + w > x + maxWidth && cx > x { cx = x; cy += 16 }
            switch kind {
            case "line": c.line(cx, cy - 4, cx + 16, cy - 4, stroke: colour, width: 2.5)
            case "dash": c.line(cx, cy - 4, cx + 16, cy - 4, stroke: colour, width: 2, dash: "4 2")
            case "dot":
                c.line(cx, cy - 4, cx + 16, cy - 4, stroke: colour, width: 2)
                c.circle(cx + 8, cy - 4, r: 3.5, fill: colour)
            default: c.rect(cx, cy - 10, 16, 11, fill: colour)
            }
            c.text(cx + 21, cy, label, size: 10.5)
            cx += w
        }
    }

    /// Rows of a legend laid out as `legend` would (for sizing the canvas).
    static func legendRows(_ labels: [String], maxWidth: Double) -> Int {
        var rows = 1
        var cx = 0.0
        for label in labels {
            let w = 22 + Double(label.count) * 6.2 + 14
            if cx + w > maxWidth && cx > 0 { rows += 1; cx = 0 }
            cx += w
        }
        return rows
    }

    // MARK: (a) demand and capacity

    /// Installed servers (bars) and offered load in servers (line) per year for one pool.
    static func demandCapacity(pool: String, years: [Int], installed: [Double], demand: [Double],
                               language: ReportLanguage) -> String {
        let t = language.text
        let width = 330.0, left = 42.0, right = 10.0, top = 28.0, plotHeight = 120.0
        let legendY = top + plotHeight + 40
        var c = SVGCanvas(width: width, height: legendY + 8)
        let scale = ChartScale.linear(maximum: max(installed.max() ?? 0, demand.filter(\.isFinite).max() ?? 0) * 1.05, ticks: 4)
        let plotWidth = width - left - right
        func y(_ v: Double) -> Double { top + plotHeight * (1 - scale.fraction(v)) }
        c.text(left - 36, 16, truncated(pool, 44), size: 12.5, weight: "600")
        for tick in scale.ticks {
            c.line(left, y(tick), left + plotWidth, y(tick), stroke: gridColour)
            c.text(left - 5, y(tick) + 3.5, language.axisNumber(tick), anchor: .end, size: 10)
        }
        c.text(11, top + plotHeight / 2, t.serversAxis, anchor: .middle, size: 10, fill: "#555", rotate: -90)
        let slot = plotWidth / Double(max(years.count, 1))
        let barWidth = min(slot * 0.6, 40)
        var points: [(Double, Double)] = []
        for (i, year) in years.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            let v = i < installed.count ? installed[i] : 0
            c.rect(cx - barWidth / 2, y(v), barWidth, y(0) - y(v), fill: installedColour,
                   title: "\(year): \(t.installedServers) \(Int(v))")
            c.text(cx, y(v) - 3, String(Int(v)), anchor: .middle, size: 9.5, fill: "#333")
            c.text(cx, top + plotHeight + 14, String(year), anchor: .middle, size: 10)
            if i < demand.count, demand[i].isFinite { points.append((cx, y(demand[i]))) }
        }
        c.line(left, y(0), left + plotWidth, y(0), stroke: axisColour)
        c.line(left, top, left, y(0), stroke: axisColour)
        if points.count > 1 { c.polyline(points, stroke: demandColour, width: 2.2) }
        for (i, p) in points.enumerated() where i < demand.count {
            c.circle(p.0, p.1, r: 3.6, fill: demandColour, title: "\(years[i]): \(t.offeredLoad) \(language.significant(demand[i]))")
        }
        legend(&c, x: left - 36, y: legendY, [(t.installedServers, installedColour, "box"), (t.offeredLoad, demandColour, "dot")],
               maxWidth: width - 8)
        return c.rendered(label: "\(t.chartDemand): \(pool)")
    }

    // MARK: (b) utilisation

    struct UtilisationBar {
        var label: String
        var isLink: Bool
        var mean: Double
        var ci95: Double
        var limit: Double?
    }

    /// Horizontal bars of mean utilisation with 95% whiskers and target limit marks.
    static func utilisation(_ bars: [UtilisationBar], language: ReportLanguage) -> String {
        let t = language.text
        let labelWidth = min(max(Double(bars.map { min($0.label.count, 34) }.max() ?? 8) * 6.3 + 12, 90), 230)
        let width = 680.0, right = 50.0, top = 12.0, rowHeight = 22.0
        let plotWidth = width - labelWidth - right
        let plotHeight = rowHeight * Double(max(bars.count, 1))
        let legendY = top + plotHeight + 42
        var c = SVGCanvas(width: width, height: legendY + 10)
        let scale = ChartScale.linear(maximum: max(1, bars.map { $0.mean + $0.ci95 }.max() ?? 1), ticks: 5)
        func x(_ v: Double) -> Double { labelWidth + plotWidth * scale.fraction(v) }
        for tick in scale.ticks {
            c.line(x(tick), top, x(tick), top + plotHeight, stroke: gridColour)
            c.text(x(tick), top + plotHeight + 14, language.axisNumber((tick * 100 * 10).rounded() / 10) + "%", anchor: .middle, size: 10)
        }
        for (i, b) in bars.enumerated() {
            let y0 = top + rowHeight * Double(i)
            let colour = b.isLink ? linkColour : palette[0]
            c.text(labelWidth - 6, y0 + rowHeight / 2 + 4, truncated(b.label, 34), anchor: .end, size: 10.5)
            c.rect(x(0), y0 + 4, x(b.mean) - x(0), rowHeight - 8, fill: colour,
                   title: "\(b.label): \(language.estimate(b.mean, b.ci95, language.percent))")
            if b.ci95 > 0, b.ci95.isFinite {
                let ym = y0 + rowHeight / 2
                c.line(x(b.mean - b.ci95), ym, x(b.mean + b.ci95), ym, stroke: "#222", width: 1.2)
                c.line(x(b.mean - b.ci95), ym - 4, x(b.mean - b.ci95), ym + 4, stroke: "#222", width: 1.2)
                c.line(x(b.mean + b.ci95), ym - 4, x(b.mean + b.ci95), ym + 4, stroke: "#222", width: 1.2)
            }
            if let l = b.limit {
                c.line(x(l), y0 + 1, x(l), y0 + rowHeight - 1, stroke: limitColour, width: 2.5)
            }
            let label = language.percent(b.mean)
            if x(b.mean) - x(0) > Double(label.count) * 6 + 10 {
                c.text(x(b.mean) - 5, y0 + rowHeight / 2 + 3.5, label, anchor: .end, size: 9.5, weight: "600", fill: "#fff")
            } else {
                c.text(x(b.mean + (b.ci95.isFinite ? max(b.ci95, 0) : 0)) + 5, y0 + rowHeight / 2 + 3.5, label, size: 9.5, fill: "#333")
            }
        }
        c.line(x(0), top, x(0), top + plotHeight, stroke: axisColour)
        c.line(x(0), top + plotHeight, labelWidth + plotWidth, top + plotHeight, stroke: axisColour)
        c.text(labelWidth + plotWidth / 2, top + plotHeight + 29, t.utilisation, anchor: .middle, size: 10, fill: "#555")
        legend(&c, x: labelWidth, y: legendY, [(t.pool, palette[0], "box"), (t.link, linkColour, "box"),
                                               (t.targetLimit, limitColour, "line")], maxWidth: plotWidth)
        return c.rendered(label: t.utilisation)
    }

    // MARK: (c) latency

    struct LatencyRow {
        var label: String
        var p50: Double
        var p95: Double
        var p99: Double
        /// (metric name, limit in seconds)
        var limits: [(String, Double)]
    }

    /// Grouped horizontal bars of p50/p95/p99 per workload with its latency target limits.
    static func latency(_ rows: [LatencyRow], language: ReportLanguage) -> String {
        let t = language.text
        let labelWidth = min(max(Double(rows.map { min($0.label.count, 30) }.max() ?? 8) * 6.3 + 12, 90), 210)
        let width = 680.0, right = 60.0, top = 6.0, barHeight = 9.0, gap = 20.0
        let groupHeight = barHeight * 3 + gap
        let plotWidth = width - labelWidth - right
        let plotHeight = groupHeight * Double(max(rows.count, 1)) + 8
        let legendY = top + plotHeight + 42
        var c = SVGCanvas(width: width, height: legendY + 10)
        let values = rows.flatMap { [$0.p50, $0.p95, $0.p99] + $0.limits.map(\.1) }.filter { $0.isFinite && $0 > 0 }
        let lo = values.min() ?? 0.001, hi = values.max() ?? 1
        let scale = hi / lo > 30 ? ChartScale.log(minimum: lo, maximum: hi * 1.05) : ChartScale.linear(maximum: hi * 1.05)
        func x(_ v: Double) -> Double { labelWidth + plotWidth * scale.fraction(v) }
        for tick in scale.ticks {
            let major = !scale.logarithmic || abs(Foundation.log10(tick) - Foundation.log10(tick).rounded()) < 1e-9
            c.line(x(tick), top, x(tick), top + plotHeight, stroke: major ? gridColour : "#F1F3F5")
            if major || scale.ticks.count <= 12 {
                c.text(x(tick), top + plotHeight + 14, language.duration(tick), anchor: .middle, size: 9.5)
            }
        }
        let colours = ["#9EC3E6", "#4477AA", "#1B3A5C"]
        for (i, r) in rows.enumerated() {
            let y0 = top + groupHeight * Double(i) + 14
            c.text(labelWidth - 6, y0 + barHeight * 1.5 + 4, truncated(r.label, 30), anchor: .end, size: 10.5)
            for (k, (name, v)) in [("p50", r.p50), ("p95", r.p95), ("p99", r.p99)].enumerated() where v.isFinite {
                let yb = y0 + barHeight * Double(k)
                c.rect(x(scale.low), yb, x(v) - x(scale.low), barHeight - 1, fill: colours[k],
                       title: "\(r.label) \(name): \(language.duration(v))")
                if k == 2 || rows.count <= 6 {
                    // Keep the value clear of a limit line just right of the bar's end.
                    var tx = x(v) + 4
                    for (_, limit) in r.limits where limit.isFinite && x(limit) >= tx - 6 && x(limit) < tx + 36 { tx = x(limit) + 5 }
                    c.text(tx, yb + barHeight - 1.5, language.duration(v), size: 8.5, fill: "#333")
                }
            }
            for (name, limit) in r.limits where limit.isFinite {
                c.line(x(limit), y0 - 10, x(limit), y0 + barHeight * 3 + 2, stroke: limitColour, width: 2.5)
                c.text(x(limit) + 4, y0 - 3, "\(name) ≤ \(language.duration(limit))", size: 9, fill: limitColour)
            }
        }
        c.line(x(scale.low), top, x(scale.low), top + plotHeight, stroke: axisColour)
        c.line(x(scale.low), top + plotHeight, labelWidth + plotWidth, top + plotHeight, stroke: axisColour)
        c.text(labelWidth + plotWidth / 2, top + plotHeight + 29,
               t.responseTime + (scale.logarithmic ? " (\(t.logScale))" : ""), anchor: .middle, size: 10, fill: "#555")
        legend(&c, x: labelWidth, y: legendY, [("p50", colours[0], "box"), ("p95", colours[1], "box"), ("p99", colours[2], "box"),
                                               (t.targetLimit, limitColour, "line")], maxWidth: plotWidth)
        return c.rendered(label: t.responseTime)
    }

    // MARK: (d) cost

    /// Vertical bars per year stacked by agency, with the year's total above each bar.
    static func cost(years: [Int], series: [(String, [Double])], currency: String, language: ReportLanguage) -> String {
        let t = language.text
        let width = 680.0, left = 70.0, right = 16.0, top = 22.0, plotHeight = 190.0
        let plotWidth = width - left - right
        let legendRows = legendRows(series.map(\.0), maxWidth: plotWidth)
        let legendY = top + plotHeight + 40
        var c = SVGCanvas(width: width, height: legendY + 16 * Double(legendRows - 1) + 10)
        let totals = years.indices.map { i in series.reduce(0) { $0 + (i < $1.1.count ? $1.1[i] : 0) } }
        let scale = ChartScale.linear(maximum: (totals.max() ?? 0) * 1.08, ticks: 5)
        func y(_ v: Double) -> Double { top + plotHeight * (1 - scale.fraction(v)) }
        for tick in scale.ticks {
            c.line(left, y(tick), left + plotWidth, y(tick), stroke: gridColour)
            c.text(left - 6, y(tick) + 3.5, language.shortMoney(tick), anchor: .end, size: 10)
        }
        c.text(13, top + plotHeight / 2, "\(t.costAxis) (\(language == .vi && currency.uppercased() == "VND" ? "₫" : currency))",
               anchor: .middle, size: 10, fill: "#555", rotate: -90)
        let slot = plotWidth / Double(max(years.count, 1))
        let barWidth = min(slot * 0.6, 70)
        for (i, year) in years.enumerated() {
            let cx = left + slot * (Double(i) + 0.5)
            var base = 0.0
            for (k, (name, values)) in series.enumerated() {
                let v = i < values.count ? values[i] : 0
                guard v > 0 else { continue }
                c.rect(cx - barWidth / 2, y(base + v), barWidth, y(base) - y(base + v), fill: palette[k % palette.count],
                       title: "\(year) \(name): \(language.money(v, currency: currency))", stroke: "#fff")
                base += v
            }
            c.text(cx, y(totals[i]) - 4, language.shortMoney(totals[i]), anchor: .middle, size: 10, weight: "600")
            c.text(cx, top + plotHeight + 15, String(year), anchor: .middle, size: 10.5)
        }
        c.line(left, y(0), left + plotWidth, y(0), stroke: axisColour)
        c.line(left, top, left, y(0), stroke: axisColour)
        legend(&c, x: left, y: legendY, series.enumerated().map { ($1.0, palette[$0 % palette.count], "box") }, maxWidth: plotWidth)
        return c.rendered(label: t.chartCost)
    }
}
