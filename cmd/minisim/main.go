// Command minisim runs a WeChat or TikTok mini game folder on the desktop.
// See shared/spec/cli.md for the contract and `minisim -h` for the flags.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"

	"github.com/minisim/minisim/simulator"
)

// GLFW and GL calls must come from the main OS thread.
func init() { runtime.LockOSThread() }

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	cfg, err := simulator.ParseArgs(args)
	switch {
	case errors.Is(err, simulator.ErrHelp):
		fmt.Print(simulator.Usage)
		return 0
	case errors.Is(err, simulator.ListDevices):
		for _, d := range simulator.Devices() {
			fmt.Printf("%-20s %gx%g @%g %s\n", d.Name, d.Width, d.Height, d.PixelRatio, d.Platform)
		}
		return 0
	case err != nil:
		fmt.Fprintf(os.Stderr, "minisim: %v\n", err)
		fmt.Fprintln(os.Stderr, "run 'minisim -h' for usage")
		return 2
	}
	if cfg.CPUProfile != "" {
		f, err := os.Create(cfg.CPUProfile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "minisim: --cpuprofile: %v\n", err)
			return 2
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return exitStatus(simulator.Run(ctx, cfg))
}

// exitStatus maps a run's error to the exit status cli.md promises.
func exitStatus(err error) int {
	var usage *simulator.UsageError
	var project *simulator.ProjectError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, simulator.ErrUncaught):
		return 1
	case errors.As(err, &usage), errors.As(err, &project):
		fmt.Fprintf(os.Stderr, "minisim: %v\n", err)
		return 2
	default:
		fmt.Fprintf(os.Stderr, "minisim: %v\n", err)
		return 1
	}
}
