/**
 * Commit-time validation: a commit cohort that rejects invalid intent before it is stored, so RESTCONF answers
 * 400 with the offending path and reason and the datastore stays unchanged.
 */
package io.openvni.northbound.validation;
