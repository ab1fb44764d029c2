"""The server-rendered pages' shared parts: templating, assets, page dependencies, errors."""
