/**
 * Validation of the whole intent (fabric and tenants together) before it is stored: every error names the path
 * of the offending value and the reason in one sentence.
 */
package io.openvni.core.validation;
