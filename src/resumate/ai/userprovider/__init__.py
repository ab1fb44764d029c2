"""A person's own language model: an OpenAI-compatible or Anthropic key, kept encrypted."""
