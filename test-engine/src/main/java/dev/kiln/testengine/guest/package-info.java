/**
 * The test runner's guest half: compiled into the image with the tests and run by Kiln, never by the host
 * (except in the engine's own tests, which run it on HotSpot as an oracle). Plain Java with no reflection;
 * {@link dev.kiln.testengine.guest.Protocol} is shared with the host so that both read the same lines.
 */
package dev.kiln.testengine.guest;
