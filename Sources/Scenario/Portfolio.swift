/// Many scenarios planned together (contract §11): member scenario files, and members generated from a template
/// scenario and a table (one member per row, the row's cells filled into `--set` paths).
public struct Portfolio: Sendable {
    /// The portfolio's name (`portfolio:`).
    public var name: String
    public var description: String?
    /// The portfolio file as given.
    public var path: String
    /// Members in order: listed files first, then the generated ones in table order.
    public var members: [PortfolioMember]
}

/// One scenario of a portfolio, read and checked.
public struct PortfolioMember: Sendable {
    /// Unique within the portfolio.
    public var id: String
    /// The scenario file (as resolved from the portfolio's folder).
    public var file: String
    /// The file's text, and the overrides that make this member.
    public var source: ScenarioSource
    public var overrides: [ScenarioOverride]
    /// The scenario with its overrides applied.
    public var scenario: Scenario
    /// How the member's agencies enter the consolidation, by agency id; agencies not listed enter as they are.
    public var agencies: [String: AgencyTreatment]
    /// Where the member comes from, for people: `vn-national.yaml`, or `provinces.csv row 5 (an-giang)`.
    public var origin: String
    /// True for members generated from the table.
    public var generated: Bool

    public init(id: String, file: String, source: ScenarioSource, overrides: [ScenarioOverride], scenario: Scenario,
                agencies: [String: AgencyTreatment], origin: String, generated: Bool = false) {
        self.generated = generated
        self.id = id
        self.file = file
        self.source = source
        self.overrides = overrides
        self.scenario = scenario
        self.agencies = agencies
        self.origin = origin
    }
}

/// How one of a member's agencies enters a portfolio's consolidation.
public enum AgencyTreatment: Sendable, Equatable {
    /// Left out (e.g. the national scenario's aggregate of the provinces, which plan for themselves).
    case exclude
    /// Consolidated under another id and name (e.g. each province's People's Committee).
    case rename(id: String, name: String?)
}
