"""The shared workstation: sign-in window, the session shell (lock, switch user, sign
out), first run."""
