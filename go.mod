module github.com/coprod/coprod

go 1.26.8
