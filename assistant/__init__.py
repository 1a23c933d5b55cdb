"""The assistant: retrieval, answering, the CLI and the composition root."""
