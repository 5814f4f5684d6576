"""The Faust application: topics, agents, transactions, metrics and dead-lettering; no NLP here."""
