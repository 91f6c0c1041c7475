"""Officers' own accounts: two-step log-in (password, then a TOTP code or a recovery code), enrolment
of an authenticator app, password change and reset by e-mail, notification preferences."""
