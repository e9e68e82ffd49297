/// The OpenAPI 3.1 document of the kb HTTP API, served at `GET /openapi.yaml`.
///
/// Written by hand, next to the routes it describes; the tests check that every
/// ``ServerRoute`` is in it and that real answers carry every field it requires,
/// and `make conformance` runs schemathesis against a live server with it.
public enum OpenAPIDocument {
    public static let yaml = #"""
    openapi: 3.1.0
    info:
      title: kb — the Midtrans merchant help center
      version: 1.0.0
      description: |
        Help-center articles and bank response codes as JSON, the replies support agents
        paste into tickets, and the server's health and metrics. Every error is a 4xx or 5xx
        with {"error": {"code": "...", "message": "..."}}; `code` is stable, `message` says
        what was wrong and what to do.
    servers:
      - url: /
    tags:
      - name: articles
      - name: codes
      - name: answers
      - name: search
      - name: flows
      - name: operations
    paths:
      /v1/articles:
        get:
          tags: [articles]
          operationId: listArticles
          summary: The articles, all or one category's.
          parameters:
            - name: category
              in: query
              required: false
              description: Only this category's articles, sorted by title (ids from GET /v1/categories); an unknown id is a 404.
              schema: {type: string}
          responses:
            "200":
              description: The articles, each without its Markdown.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ArticleList"}
            "404": {$ref: "#/components/responses/NotFound"}
      /v1/articles/{slug}:
        get:
          tags: [articles]
          operationId: getArticle
          summary: One article, its Markdown with policy values filled in, and the related articles.
          parameters:
            - $ref: "#/components/parameters/Slug"
          responses:
            "200":
              description: The article.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ArticleDetail"}
            "404": {$ref: "#/components/responses/NotFound"}
      /v1/articles/{slug}/answer:
        get:
          tags: [answers]
          operationId: getArticleAnswer
          summary: The article's reply for a ticket, as `kb answer SLUG` prints it.
          parameters:
            - $ref: "#/components/parameters/Slug"
            - $ref: "#/components/parameters/Format"
            - $ref: "#/components/parameters/Strict"
            - $ref: "#/components/parameters/CustomerName"
            - $ref: "#/components/parameters/AgentName"
            - $ref: "#/components/parameters/OrderID"
            - $ref: "#/components/parameters/UserEmail"
          responses:
            "200":
              description: The reply.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Answer"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "404": {$ref: "#/components/responses/NotFound"}
      /v1/categories:
        get:
          tags: [articles]
          operationId: listCategories
          summary: The categories in home-page order, with their article counts.
          responses:
            "200":
              description: The categories.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/CategoryList"}
      /v1/codes:
        get:
          tags: [codes]
          operationId: listCodes
          summary: Every bank response code, in the table's order.
          responses:
            "200":
              description: The codes.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/CodeList"}
      /v1/codes/{code}:
        get:
          tags: [codes]
          operationId: getCode
          summary: A response code by its code (any case) or its name; unknown codes answer 404 with close codes.
          parameters:
            - $ref: "#/components/parameters/Code"
          responses:
            "200":
              description: The code.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ResponseCode"}
            "404": {$ref: "#/components/responses/NotFound"}
      /v1/codes/{code}/answer:
        get:
          tags: [answers]
          operationId: getCodeAnswer
          summary: The reply for a declined payment with this code, as `kb answer CODE` prints it.
          parameters:
            - $ref: "#/components/parameters/Code"
            - $ref: "#/components/parameters/Format"
            - $ref: "#/components/parameters/Strict"
            - $ref: "#/components/parameters/CustomerName"
            - $ref: "#/components/parameters/AgentName"
            - $ref: "#/components/parameters/OrderID"
            - $ref: "#/components/parameters/UserEmail"
          responses:
            "200":
              description: The reply.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Answer"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "404": {$ref: "#/components/responses/NotFound"}
      /v1/search:
        get:
          tags: [search]
          operationId: search
          summary: Articles and response codes for a query, best first, as `kb search --json` prints them.
          description: >-
            Words match in any form, with typos forgiven and synonyms applied; "quoted phrases",
            -excluded words and kind:/category:/tag: filters work inside q too. Queries are cut
            to 256 characters and 32 words (truncated is then true).
          parameters:
            - name: q
              in: query
              required: true
              description: What to search for.
              schema: {type: string, minLength: 1, pattern: "\\S"}
            - name: limit
              in: query
              required: false
              description: Hits per page.
              schema: {type: integer, minimum: 1, maximum: 100, default: 10}
            - name: offset
              in: query
              required: false
              description: Hits to skip, for paging.
              schema: {type: integer, minimum: 0, maximum: 999, default: 0}
            - name: kind
              in: query
              required: false
              description: Only articles or only codes.
              schema: {type: string, enum: [article, code]}
            - name: category
              in: query
              required: false
              description: Only this category (codes are under card-declines); an unknown id is a 404.
              schema: {type: string}
          responses:
            "200":
              description: The hits, best first, with facet counts and a suggestion when one helps.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/SearchResponse"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "404": {$ref: "#/components/responses/NotFound"}
      /v1/suggest:
        get:
          tags: [search]
          operationId: suggest
          summary: Search as you type; up to 8 article titles and codes for a prefix.
          parameters:
            - name: q
              in: query
              required: true
              description: What has been typed so far; its last word is a prefix.
              schema: {type: string, minLength: 1, pattern: "\\S"}
          responses:
            "200":
              description: The suggestions, best first.
              content:
                application/json:
                  schema:
                    type: object
                    required: [query, suggestions]
                    properties:
                      query: {type: string}
                      suggestions:
                        type: array
                        items: {$ref: "#/components/schemas/SearchHit"}
            "400": {$ref: "#/components/responses/BadRequest"}
      /v1/flows:
        get:
          tags: [flows]
          operationId: listFlows
          summary: The troubleshooting simulators and their inputs, as `kb simulate --list --json` gives them.
          parameters:
            - name: lang
              in: query
              required: false
              description: >-
                The language of the titles and the inputs' help: en or id (default Accept-Language,
                else en). Ids, input names and allowed values are the same in both.
              schema: {type: string, enum: [en, id]}
          responses:
            "200":
              description: The flows.
              headers:
                Content-Language:
                  description: The language the texts are in, en or id.
                  schema: {type: string}
              content:
                application/json:
                  schema:
                    type: object
                    required: [flows]
                    properties:
                      flows:
                        type: array
                        items: {$ref: "#/components/schemas/FlowSummary"}
      /v1/flows/{id}/simulate:
        post:
          tags: [flows]
          operationId: simulateFlow
          summary: Runs a flow on the inputs in the body, as `kb simulate ID --json` does.
          description: >-
            The body is one JSON object of inputs (GET /v1/flows lists each flow's, with types
            and defaults); an empty body uses the defaults. Each flow checks its own inputs: a
            missing or invalid one is a 400 invalid-input naming it in `field`.
          parameters:
            - name: id
              in: path
              required: true
              description: The flow's id (GET /v1/flows lists them); another id is a 404 naming close ones.
              schema: {type: string}
              example: account-lockout
            - name: now
              in: query
              required: false
              description: The moment to simulate, ISO 8601 (default the server's current time).
              schema: {type: string, format: date-time}
            - name: time_zone
              in: query
              required: false
              description: The zone for times without an offset and for the report (default the flow's own, else UTC).
              schema: {type: string}
            - name: lang
              in: query
              required: false
              description: >-
                The language of the headline, details, trace, outcome texts and input errors: en or
                id (default Accept-Language, else en); each step's source is that language's article
                section. Verdicts, ids and JSON keys are the same in both.
              schema: {type: string, enum: [en, id]}
          requestBody:
            required: false
            content:
              application/json:
                schema:
                  type: object
                  description: One value or a list of values per input; null leaves an input unset.
                  additionalProperties:
                    type: [string, number, boolean, "null", array]
                    items: {type: [string, number, boolean]}
          responses:
            "200":
              description: The outcome and the trace of rules applied.
              headers:
                Content-Language:
                  description: The language the texts are in, en or id.
                  schema: {type: string}
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/FlowReport"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "404": {$ref: "#/components/responses/NotFound"}
            "413": {$ref: "#/components/responses/BadRequest"}
            "415": {$ref: "#/components/responses/BadRequest"}
      /healthz:
        get:
          tags: [operations]
          operationId: getHealth
          summary: The content being served and how the reloads went.
          responses:
            "200":
              description: The server answers; `status` is `degraded` when the last reload was refused.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/Health"}
      /metrics:
        get:
          tags: [operations]
          operationId: getMetrics
          summary: Prometheus metrics in the text exposition format.
          responses:
            "200":
              description: Requests and latency by route, method and status; content size; reloads by result.
              content:
                text/plain:
                  schema: {type: string}
      /openapi.yaml:
        get:
          tags: [operations]
          operationId: getOpenAPI
          summary: This document.
          responses:
            "200":
              description: The OpenAPI document.
              content:
                application/yaml:
                  schema: {type: string}
    components:
      parameters:
        Slug:
          name: slug
          in: path
          required: true
          description: The article's slug, e.g. unlock-account (any case; a trailing .md is allowed).
          schema: {type: string}
        Code:
          name: code
          in: path
          required: true
          description: The code as the bank sends it (51, n7; any case), or its name ("do not honor").
          schema: {type: string}
        Format:
          name: format
          in: query
          required: false
          description: >-
            text (plain, for e-mail and ticket forms), markdown (for chat tools) or html
            (a fragment for rich e-mail editors).
          schema: {type: string, enum: [text, markdown, html], default: text}
        Strict:
          name: strict
          in: query
          required: false
          description: >-
            When true, a reply that uses variables not given is refused with 400 missing-variables,
            naming them: with strict, the var.* parameters the reply uses are all required.
          schema: {type: boolean, default: false}
        CustomerName:
          name: var.customer.name
          in: query
          required: false
          description: The customer's name (default "there").
          schema: {type: string}
        AgentName:
          name: var.agent.name
          in: query
          required: false
          description: The agent's name (default "Midtrans Support").
          schema: {type: string}
        OrderID:
          name: var.order_id
          in: query
          required: false
          description: The order id (default "your order").
          schema: {type: string}
        UserEmail:
          name: var.user.email
          in: query
          required: false
          description: The portal user's e-mail (default "the user").
          schema: {type: string}
      responses:
        BadRequest:
          description: A parameter, input or body the route cannot use; the message names it.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
        NotFound:
          description: No such article, code, category or flow; `suggestions` holds close ones.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Error"}
      schemas:
        Error:
          type: object
          required: [error]
          properties:
            error:
              type: object
              required: [code, message]
              properties:
                code: {type: string, description: "Stable and kebab-case: unknown-article, invalid-parameter, …"}
                message: {type: string}
                suggestions:
                  type: array
                  items: {type: string}
                field: {type: string, description: The flow input that was wrong.}
        SearchHit:
          type: object
          required: [kind, id, title, score, snippet, highlights, url]
          properties:
            kind: {type: string, enum: [article, code]}
            id: {type: string, description: The article's slug or the code.}
            title: {type: string}
            score: {type: number}
            snippet: {type: string}
            highlights:
              type: array
              description: Character offsets [start, end) of the matched words in the snippet.
              items: {type: array, items: {type: integer}}
            url: {type: string}
        SearchResponse:
          type: object
          required: [query, total, hits, facets, truncated, tookMicros]
          properties:
            query: {type: string}
            total: {type: integer, description: Matches before paging.}
            hits:
              type: array
              items: {$ref: "#/components/schemas/SearchHit"}
            facets:
              type: object
              description: Counts by facet (kind, category, tag) and value, over all matches.
              additionalProperties:
                type: object
                additionalProperties: {type: integer}
            suggestion: {type: string, description: A corrected query, when one would find more.}
            truncated: {type: boolean}
            tookMicros: {type: integer}
        FlowSummary:
          type: object
          required: [id, title, article, fields]
          properties:
            id: {type: string}
            title: {type: string}
            article: {type: string}
            timeZone: {type: string}
            fields:
              type: array
              items:
                type: object
                required: [name, type, help, allowed]
                properties:
                  name: {type: string}
                  type: {type: string, enum: [text, email, boolean, integer, choice, date-time, list, host, url, ip-address]}
                  default: {type: string}
                  help: {type: string}
                  allowed: {type: array, items: {type: string}}
                  example: {type: string}
        FlowReport:
          type: object
          required: [flow, article, now, timeZone, input, verdict, headline, details, outcome, trace]
          properties:
            flow: {type: string}
            article: {type: string}
            now: {type: string}
            timeZone: {type: string}
            input: {type: object}
            verdict: {type: string}
            headline: {type: string}
            details:
              type: array
              items:
                type: object
                required: [label, value]
                properties:
                  label: {type: string}
                  value: {type: string}
            outcome: {description: The simulator's typed outcome.}
            trace:
              type: array
              items:
                type: object
                required: [rule, compared, result, source, policies]
                properties:
                  rule: {type: string}
                  compared: {type: string}
                  result: {type: string}
                  source:
                    type: object
                    required: [slug, anchor]
                    properties:
                      slug: {type: string}
                      anchor: {type: string}
                  policies: {type: array, items: {type: string}}
        ArticleSummary:
          type: object
          required: [slug, title, summary, category, tags, questions, related, updated, url]
          properties:
            slug: {type: string}
            title: {type: string}
            summary: {type: string}
            category: {type: string}
            tags: {type: array, items: {type: string}}
            questions: {type: array, items: {type: string}}
            related: {type: array, items: {type: string}, description: Slugs of articles to read next.}
            flow: {type: string, description: The id of the article's troubleshooting simulator, where there is one.}
            updated: {type: string, description: "YYYY-MM-DD"}
            url: {type: string, description: The article's page on the help site.}
        ArticleList:
          type: object
          required: [total, articles]
          properties:
            total: {type: integer}
            articles:
              type: array
              items: {$ref: "#/components/schemas/ArticleSummary"}
        ArticleDetail:
          type: object
          required: [slug, title, summary, category, tags, questions, related, updated, url, markdown, html, related_articles]
          properties:
            slug: {type: string}
            title: {type: string}
            summary: {type: string}
            category: {type: string}
            tags: {type: array, items: {type: string}}
            questions: {type: array, items: {type: string}}
            related: {type: array, items: {type: string}}
            flow: {type: string}
            updated: {type: string}
            url: {type: string}
            markdown: {type: string, description: The body as Markdown, policy placeholders filled in.}
            html: {type: string, description: "The body as HTML, as the site shows it: headings from h2, unsafe links as text."}
            related_articles:
              type: array
              items:
                type: object
                required: [slug, title, summary, url]
                properties:
                  slug: {type: string}
                  title: {type: string}
                  summary: {type: string}
                  url: {type: string}
        CategoryList:
          type: object
          required: [categories]
          properties:
            categories:
              type: array
              items:
                type: object
                required: [id, title, description, order, articles, url]
                properties:
                  id: {type: string}
                  title: {type: string}
                  description: {type: string}
                  order: {type: integer}
                  articles: {type: integer, description: How many articles the category has.}
                  url: {type: string}
        ResponseCode:
          type: object
          required: [code, name, meaning, class, retry, merchant_action, customer_message, aliases, url]
          properties:
            code: {type: string, description: "As the bank sends it: 05, 51, N7."}
            name: {type: string}
            meaning: {type: string}
            class: {type: string, enum: [approved, soft-decline, hard-decline, fraud, technical, referral]}
            retry: {type: string, enum: ["yes", later, "no"]}
            merchant_action: {type: string}
            customer_message: {type: string}
            aliases: {type: array, items: {type: string}}
            url: {type: string}
        CodeList:
          type: object
          required: [total, codes]
          properties:
            total: {type: integer}
            codes:
              type: array
              items: {$ref: "#/components/schemas/ResponseCode"}
        Answer:
          type: object
          required: [kind, id, title, format, text]
          properties:
            kind: {type: string, enum: [article, code]}
            id: {type: string, description: The article's slug or the code.}
            title: {type: string}
            format: {type: string, enum: [text, markdown, html]}
            text: {type: string, description: The reply, ready to paste.}
        Health:
          type: object
          required: [status, content, reloads]
          properties:
            status: {type: string, enum: [ok, degraded]}
            content:
              type: object
              required: [version, articles, codes, categories, loaded_at, warnings]
              properties:
                version: {type: string, description: A hash of the content files.}
                articles: {type: integer}
                codes: {type: integer}
                categories: {type: integer}
                loaded_at: {type: string, format: date-time}
                warnings: {type: integer}
            reloads:
              type: object
              required: [watching, succeeded, failed]
              properties:
                watching: {type: boolean}
                succeeded: {type: integer}
                failed: {type: integer}
                last:
                  type: object
                  required: [result, at]
                  properties:
                    result: {type: string, enum: [ok, failed]}
                    at: {type: string, format: date-time}
                    version: {type: string}
                    errors: {type: array, items: {type: string}}
    """#
}
