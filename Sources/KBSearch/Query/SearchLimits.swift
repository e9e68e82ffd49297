/// Bounds on what a query can ask for; longer queries are cut, never rejected.
public enum SearchLimits {
    /// Characters of a query that are searched.
    public static let maxQueryCharacters = 256
    /// Words (plain, quoted, excluded or filters) of a query that are searched.
    public static let maxQueryWords = 32
    /// Hits a single search returns at most, whatever ``SearchOptions/limit`` says.
    public static let maxResultLimit = 1000
    /// The page sizes a front end lets a reader ask for (`kb search --limit`, `GET /v1/search?limit=`).
    public static let requestedHits = 1...100
}
