import Foundation
import TestSupport

/// `check-jsonschema`, provisioned once into a virtual environment under `.build/`.
enum JSONSchemaTool {
    static let environment = PythonEnvironment(
        name: "check-jsonschema", requirements: ["check-jsonschema"], probe: ["-m", "check_jsonschema", "--version"])

    /// The validator's python, or the reason it could not be provisioned.
    static let python: Result<URL, PythonEnvironment.ProvisioningError> = environment.provision()

    static var isAvailable: Bool { (try? python.get()) != nil }

    /// Whether the tests must run even without the validator: in CI a skip would hide a regression.
    static var isRequired: Bool { PythonEnvironment.isRequired }
}
