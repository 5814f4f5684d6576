"""The processing stages as plain synchronous code: text in, records out (no Kafka, no asyncio, no I/O at import)."""
