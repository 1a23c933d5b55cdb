"""Evaluation on Q&A sets."""
