"""Hooks that send LLM calls to a PromptPrism service from the tools that make them."""
