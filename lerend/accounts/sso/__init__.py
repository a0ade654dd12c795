"""Sign-in with the organisation's own account (single sign-on).

An organisation's beheerder connects one identity provider: OpenID Connect for Microsoft
Entra ID, Google Workspace and SURFconext (oidc.py, on Authlib and joserfc), or SAML 2.0
for Entree Federatie (saml.py, on pysaml2). Both end in services.sign_in, the one place
that decides who a verified e-mail address is (docs/sso.md, docs/decisions/0009-sso.md):

- the address must lie in one of the connection's e-mail domains;
- it must belong to an active person with an active membership in that organisation;
  a person from anywhere else is never matched, and never added;
- an unknown address gets an account only when the organisation allows just-in-time
  creation, as medewerker in the team it chose;
- the session is scoped to that organisation: /o/<other>/ gives 404 (middleware.py).
"""
