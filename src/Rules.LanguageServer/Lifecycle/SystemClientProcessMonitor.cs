using System.Diagnostics;

namespace Rules.LanguageServer.Lifecycle;

/// <summary>Looks the process up in the operating system.</summary>
public sealed class SystemClientProcessMonitor : IClientProcessMonitor
{
    public bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true; // cannot tell: assume it runs rather than stop a working server
        }
    }
}
