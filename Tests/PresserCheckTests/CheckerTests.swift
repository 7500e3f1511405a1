import Testing

@testable import PresserCheck
