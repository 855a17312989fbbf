/**
 * Provider-neutral building blocks for LLM-backed providers (Gemini, OpenAI chat): the prompts and JSON schemas for
 * cue lists, cue translation and video summaries, the parsing of the models' replies (fenced, truncated, timestamps
 * in any form) and the id/count verification that keeps a translated track aligned with its source.
 *
 * <p>Nothing here talks to a network: a provider module supplies a {@link dev.captions.llm.JsonCompletion}
 * that sends one request through its own SDK, with its own error mapping and retry policy.
 */
package dev.captions.llm;
