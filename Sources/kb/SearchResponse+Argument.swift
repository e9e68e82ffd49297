// The conformance is public because the kind is: these imports are public for it only.
public import ArgumentParser
public import KnowledgeBase

/// `--kind article|code` takes a hit's kind as it is written in JSON.
extension SearchResponse.Hit.Kind: ExpressibleByArgument {}
