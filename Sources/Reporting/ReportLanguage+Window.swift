import Foundation
import Planning

/// The simulated window in words: "Monday 19:00–19:13 of the design week: 3 min warm-up, then 10 min measured
/// (19:03–19:13); 5 replications".
extension ReportLanguage {
    public func window(_ w: SimulationWindow) -> String {
        let begin = w.start, measured = w.start + w.warmup, end = w.start + w.warmup + w.duration
        let week = 7 * 86_400.0
        var text: String
        switch self {
        case .en:
            let span = end - begin <= week ? "\(clock(begin))–\(clock(end, after: begin)) of the design week"
                                           : "from \(clock(begin)) of the design week, \(duration(end - begin)) in all"
            let warm = w.warmup > 0 ? "\(duration(w.warmup)) warm-up, then " : ""
            let measuredSpan = w.warmup > 0 && end - begin <= week ? " (\(clock(measured, after: begin, day: false))–\(clock(end, after: measured, day: false)))" : ""
            text = "\(span): \(warm)\(duration(w.duration)) measured\(measuredSpan); \(w.replications) replication\(w.replications == 1 ? "" : "s")"
            if !w.changedBy.isEmpty { text += "; changed from the scenario file by \(w.changedBy.joined(separator: ", "))" }
        case .vi:
            let span = end - begin <= week ? "\(clock(begin))–\(clock(end, after: begin)) của tuần thiết kế"
                                           : "từ \(clock(begin)) của tuần thiết kế, tổng cộng \(duration(end - begin))"
            let warm = w.warmup > 0 ? "khởi động \(duration(w.warmup)), rồi " : ""
            let measuredSpan = w.warmup > 0 && end - begin <= week ? " (\(clock(measured, after: begin, day: false))–\(clock(end, after: measured, day: false)))" : ""
            text = "\(span): \(warm)đo \(duration(w.duration))\(measuredSpan); \(w.replications) lần lặp"
            if !w.changedBy.isEmpty { text += "; khác với tệp kịch bản do \(w.changedBy.joined(separator: ", "))" }
        }
        return text
    }

    /// A point of the week: "Monday 19:00" / "Thứ Hai 19:00"; when `after` is given and the point falls on the
    /// same day, only the time ("19:13"). `day: false` leaves the day out unless it differs from `after`.
    func clock(_ seconds: Double, after: Double? = nil, day: Bool = true) -> String {
        let week = 7 * 86_400.0
        var t = seconds.truncatingRemainder(dividingBy: week)
        if t < 0 { t += week }
        let dayIndex = Int(t / 86_400) % 7
        let inDay = t - Double(dayIndex) * 86_400
        let totalSeconds = Int(inDay.rounded())
        let h = totalSeconds / 3600, m = (totalSeconds % 3600) / 60, s = totalSeconds % 60
        var time = String(format: "%02d:%02d", h, m)
        if s != 0 { time += String(format: ":%02d", s) }
        let names = self == .en ? ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
                                : ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
        if let after {
            var a = after.truncatingRemainder(dividingBy: week)
            if a < 0 { a += week }
            let sameDay = Int(a / 86_400) % 7 == dayIndex && seconds - after < 86_400
            if sameDay { return time }
            return "\(names[dayIndex]) \(time)"
        }
        return day ? "\(names[dayIndex]) \(time)" : time
    }
}
