import Foundation

/// Hand-labelled groups of figures that agree with each other in a real transcript (the format of
/// `Tests/Fixtures/checks-gold/*.json`; see its README). The mutation harness alters one figure of
/// a group and expects a warning.
public struct ChecksGoldFile: Sendable, Codable {
    public enum GroupType: String, Sendable, Codable, CaseIterable {
        /// A level, the level of the period before, and the growth rate between them.
        case growth
        /// The same figure for the same thing and period, stated more than once.
        case repeated
        /// A change stated with its endpoints, and an endpoint stated again elsewhere.
        case endpoints
        /// A total and its parts.
        case parts
    }

    public struct Figure: Sendable, Codable {
        /// growth: previous, current, rate; repeated: mention; endpoints: from, to, mention;
        /// parts: total, part.
        public var role: String
        /// The figure as printed, qualifier and unit included ("over 40%").
        public var text: String
        /// A passage of the file, found exactly once, that contains `text` once.
        public var context: String
    }

    public struct Group: Sendable, Codable {
        public var type: GroupType
        public var note: String
        public var figures: [Figure]
    }

    /// The transcript's file name in the corpus directory.
    public var file: String
    public var groups: [Group]
}
