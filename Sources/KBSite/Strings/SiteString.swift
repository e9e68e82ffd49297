/// A piece of the site's own text: a label, a button, a caption, a message. Each
/// language's table (``SiteStrings``) has a value for every key.
enum SiteString: String, CaseIterable, Sendable {
    // The shell of every page
    case siteName
    case skipLink
    case siteNavigation
    case navTopics
    case responseCodes
    case navSearch
    case languageNavigation
    case footerUpdated
    case footerContact
    case footerContactEnd
    case breadcrumb
    case home

    // Search boxes and the search page
    case searchLabel
    case searchPlaceholder
    case searchButton
    case searchTitle
    case searchDescription
    case searchNoScript
    case searchPrompt
    case searchNoResults
    case searchOneResult
    case searchResults
    case searchKindArticle
    case searchKindCode
    case searchExplainedTitle
    case searchExplainedRead

    // "Copy answer"
    case copyAnswer
    case copied
    case copyFailed
    case replyForTicket

    // Home
    case homeDescription
    case homeHeading
    case homeLeadWithSearch
    case homeLead
    case mostAsked
    case browseByTopic
    case allArticles
    case troubleshooters
    case troubleshootersLead
    case fromArticle
    case bankResponseCodes
    case bankResponseCodesLead
    case allResponseCodes

    // Category
    case noArticlesInTopic
    case otherTopics
    case allTopics

    // Article
    case updated
    case trySimulator
    case alsoAskedAs
    case relatedArticles

    // Codes table and code pages
    case codesDescription
    case codesLead
    case filterCodes
    case filterShow
    case filterAll
    case codesCaption
    case columnCode
    case columnName
    case columnClass
    case columnRetry
    case columnAction
    case classesHeading
    case codeTitle
    case alsoCalled
    case whatToDo
    case whatToTellCustomer
    case articlesMentioningCode
    case seeCodeInTable
    case classApproved
    case classSoftDecline
    case classHardDecline
    case classFraud
    case classTechnical
    case classReferral
    case classApprovedExplanation
    case classSoftDeclineExplanation
    case classHardDeclineExplanation
    case classFraudExplanation
    case classTechnicalExplanation
    case classReferralExplanation
    case retryYes
    case retryLater
    case retryNo
    case retryYesExplanation
    case retryLaterExplanation
    case retryNoExplanation

    // Not found
    case notFoundTitle
    case notFoundDescription
    case notFoundText
    case notFoundTrySearch
    case notFoundPickTopic
    case topics

    // Flow pages
    case flowDescription
    case flowDescriptionFromArticle
    case simulator
    case flowRulesStatedIn
    case flowRowsComputedFromArticle
    case flowRowsComputed
    case flowComputedFor
    case flowComputedIn
    case policyValuesUsed
    case policyValuesLead
    case policyValuesCaption
    case columnPolicy
    case columnValue
    case inputs
    case inputsCaption
    case columnInput
    case columnType
    case columnDefault
    case columnWhatToEnter
    case inputEmpty
    case inputRequired
    case inputOneOf
    case inputExample
    case runItYourself
    case runInTerminal
    case runOnServer
    case runOnServerAnd
    case runOnServerEnd
    case kindText
    case kindEmail
    case kindBoolean
    case kindInteger
    case kindChoice
    case kindDateTime
    case kindList
    case kindHost
    case kindURL
    case kindIPAddress

    // The simulator's form and its result (flow pages, when a kb server runs them)
    case tryIt
    case tryItLead
    case tryItRemote
    case fieldNow
    case fieldNowHelp
    case fieldNowInvalid
    case fieldTooLong
    case choiceNone
    case answerYes
    case answerNo
    case runSimulator
    case result
    case resultAt
    case rulesApplied
    case statedIn
    case theArticle
    case shareResult
    case inputProblem
    case inputProblemLead
    case simulatorBusy
    // "Was this helpful?"
    case feedbackQuestion
    case feedbackYes
    case feedbackNo
    case feedbackThanks
    case feedbackFailed
    case feedbackTellMore
    case feedbackReasonLabel
    case feedbackReasonNone
    case feedbackReasonOutdated
    case feedbackReasonUnclear
    case feedbackReasonDidNotAnswer
    case feedbackReasonStepsFailed
    case feedbackCommentLabel
    case feedbackPrivacy

    // Dates and times
    case date
    case time
    case dateTime
    case january, february, march, april, may, june, july, august, september, october, november, december
}
