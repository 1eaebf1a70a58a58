global using Range = Rules.LanguageServer.Protocol.Range;
