"""Sharing: choices and the consent ledger, redaction, share packages, the privacy statement,
request letters, the guided audit's state and the audit report (HTML). Qt-free.

Modules: ``choices``, ``redact``, ``package``, ``statement``, ``letters``, ``audit``,
``report``; ``store`` (streamed reads over the vault schema), ``texts`` (en/zh_CN tables in
``resources/sharing``), ``purposes`` (how purposes are read from the catalog).
"""
