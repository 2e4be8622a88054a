package org.freezedesk.input;

import org.freezedesk.support.FreezeDeskTest;

/** {@link InputPolicyChecks} on the embedded H2 database. */
@FreezeDeskTest
class InputPolicyTest extends InputPolicyChecks {
}
