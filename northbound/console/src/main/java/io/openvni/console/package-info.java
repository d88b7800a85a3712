/**
 * Karaf console commands: thin {@code Action}s over {@link io.openvni.northbound.api.FabricService}, with the
 * text rendering in {@link io.openvni.console.ConsoleViews} so it can be tested without a shell.
 */
package io.openvni.console;
