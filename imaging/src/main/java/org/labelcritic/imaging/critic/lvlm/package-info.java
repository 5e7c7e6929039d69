/**
 * The optional LVLM critic: the published Label Critic protocol. Two frontal projections of the CT,
 * one per candidate label drawn as a red silhouette, are sent with an organ-specific prompt to an
 * OpenAI-compatible chat endpoint (for example a local vLLM serving a vision-language model) at
 * temperature 0, once in each order; only answers that agree across both orders give a verdict.
 *
 * <p>It is off by default ({@link org.labelcritic.imaging.critic.lvlm.LvlmSettings#defaults()}) and
 * then opens no connection. Prompt templates are editable text files, bundled in the resources
 * module under {@code org/labelcritic/resources/prompts/} and overridable from a user folder
 * ({@link org.labelcritic.imaging.critic.lvlm.PromptTemplates}).
 */
package org.labelcritic.imaging.critic.lvlm;
