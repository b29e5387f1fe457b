/// The commented starter scenarios of `capsim init`: each validates and plans as written, and says in its comments
/// what every key means, its unit, and where its figures come from (`[n]` = source n of docs/sources.md section 1,
/// `[Sn]` = section 2, `A:` = an assumption with its reasoning), so that a newcomer can edit it into their own.
public enum ScenarioTemplate: String, CaseIterable, Sendable {
    /// One service on one server pool in one data centre: the smallest complete scenario (buys servers as the load
    /// grows).
    case minimal
    /// An average merged province: its online school enrolment portal, one-stop system, Internet line, commune WAN
    /// and document storage (buys servers, bandwidth and storage).
    case province
    /// The national identity systems at NDC1: VNeID, e-authentication and the NPD query tier, with bank
    /// verifications over their lines (buys servers, bandwidth and storage as use grows).
    case national

    /// The scenario text (YAML with comments).
    public var text: String {
        switch self {
        case .minimal: return Self.minimalText
        case .province: return Self.provinceText
        case .national: return Self.nationalText
        }
    }
}
