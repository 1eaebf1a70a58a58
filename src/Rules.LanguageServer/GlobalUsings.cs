// System.Range (from the implicit usings) would clash with the protocol's Range everywhere in this project.
global using Range = Rules.LanguageServer.Protocol.Range;
