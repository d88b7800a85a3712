/**
 * Parsed network values (IP addresses and prefixes, route targets) with the arithmetic validation, allocation and
 * rendering need. Parsing never resolves names.
 */
package io.openvni.core.net;
