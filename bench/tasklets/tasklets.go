// The same three measurements as kiln.bench.Tasklets, on goroutines (bench/tasklets runs both):
// a round trip over two unbuffered channels, starting a goroutine and waiting for its end, and the memory an
// idle goroutine takes (blocked in a receive), from runtime.MemStats after a collection.
package main

import (
	"fmt"
	"runtime"
	"time"
)

const (
	roundTrips = 1000000
	spawns     = 200000
	idle       = 20000
)

func pingPong(ping, pong chan int, count int) int64 {
	var sum int64
	for i := 0; i < count; i++ {
		ping <- i & 1023
		sum += int64(<-pong)
	}
	return sum
}

func spawnAndJoin(count int) {
	done := make(chan struct{})
	for i := 0; i < count; i++ {
		go func() { done <- struct{}{} }()
		<-done
	}
}

func inUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse + m.HeapAlloc
}

func main() {
	runtime.GOMAXPROCS(1) // one CPU, as Kiln's scheduler today
	ping, pong := make(chan int), make(chan int)
	go func() {
		for {
			pong <- <-ping
		}
	}()
	pingPong(ping, pong, roundTrips/10)
	start := time.Now()
	sum := pingPong(ping, pong, roundTrips)
	pp := time.Since(start)

	spawnAndJoin(spawns / 10)
	start = time.Now()
	spawnAndJoin(spawns)
	spawn := time.Since(start)

	before := inUse()
	never := make(chan int)
	for i := 0; i < idle; i++ {
		go func() { <-never }()
	}
	runtime.Gosched()
	after := inUse()

	fmt.Printf("ping-pong round trip: %d ns (checksum %d)\n", pp.Nanoseconds()/roundTrips, sum)
	fmt.Printf("spawn and exit: %d ns\n", spawn.Nanoseconds()/spawns)
	fmt.Printf("bytes per idle goroutine: %d (%d goroutines alive)\n", (after-before)/idle, idle)
}
