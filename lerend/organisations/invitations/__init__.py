"""Invitations: the beheerder invites, resends and revokes (and imports staff, which invites
everyone on the list); the invited person accepts through a public link, logged in or not."""
