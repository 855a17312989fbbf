/**
 * Shared infrastructure for HTTP providers, written once: an OkHttp client factory with a redacting logging
 * interceptor ({@link dev.captions.http.HttpClients}), a retry policy on Failsafe
 * ({@link dev.captions.http.RetryPolicy}), the HTTP status to exception mapping
 * ({@link dev.captions.http.HttpErrors}), an async job poller ({@link dev.captions.http.JobPoller}), the Jackson
 * configuration ({@link dev.captions.http.Json}), JSON extraction from LLM replies
 * ({@link dev.captions.http.JsonRepair}), a JSON-over-HTTP helper ({@link dev.captions.http.JsonHttp}) and the base of REST providers' builders
 * ({@link dev.captions.http.HttpProviderBuilder}, {@link dev.captions.http.PollingProviderBuilder}: API key,
 * base URL, client, retries, polling and {@code ProviderConfig} handling in one place).
 *
 * <p>This package is for provider implementers; applications do not need it. Everything here is thread-safe unless a
 * class says otherwise, and nothing here ever writes an API key to a log line or an exception message.
 */
package dev.captions.http;
