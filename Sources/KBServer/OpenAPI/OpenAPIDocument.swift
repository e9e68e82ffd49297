/// The OpenAPI 3.1 document of the kb HTTP API, served at `GET /openapi.yaml`.
///
/// Written by hand in `openapi.yaml` beside this file (built into kb), next to the
/// routes it describes; the tests check that every ``ServerRoute`` is in it and that
/// real answers carry every field it requires, and `make conformance` runs
/// schemathesis against a live server with it.
public enum OpenAPIDocument {
    public static let yaml = String(decoding: PackageResources.openapi_yaml, as: UTF8.self)
}
