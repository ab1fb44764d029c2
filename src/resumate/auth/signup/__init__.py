"""Accounts made only once their address is confirmed; changes of address confirmed alike."""
